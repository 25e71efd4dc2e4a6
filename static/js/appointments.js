/* Appointment request form: small enhancements on top of a form that works without
   JavaScript. Loaded with defer, so the page is parsed when this runs. */
(function () {
  "use strict";

  // Move focus to the error summary so screen readers announce it (autofocus does
  // this too where the browser supports it on a non-field element).
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }

  var form = document.getElementById("appointment-form");
  if (!form) {
    return;
  }

  // Warning signs: show the emergency instruction as soon as one is ticked.
  var alertBox = document.querySelector("[data-emergency-alert]");
  var symptoms = form.querySelectorAll('input[name="warning_symptoms"]');
  function updateAlert() {
    var any = Array.prototype.some.call(symptoms, function (box) {
      return box.checked;
    });
    if (alertBox) {
      alertBox.hidden = !any;
    }
  }
  Array.prototype.forEach.call(symptoms, function (box) {
    box.addEventListener("change", updateAlert);
  });

  // "Someone else": only ask for the requester's name and relationship when needed.
  var requester = document.getElementById("requester");
  var forWhom = form.querySelectorAll('input[name="for_someone_else"]');
  function updateRequester() {
    var someoneElse = form.querySelector('input[name="for_someone_else"][value="yes"]');
    if (requester && someoneElse) {
      requester.hidden = !someoneElse.checked;
    }
  }
  Array.prototype.forEach.call(forWhom, function (radio) {
    radio.addEventListener("change", updateRequester);
  });
  updateRequester();

  // Message: say how many characters are left, politely, for screen readers too.
  var message = document.getElementById("id_message");
  if (message && message.dataset.maxLength) {
    var max = parseInt(message.dataset.maxLength, 10);
    var counter = document.createElement("p");
    counter.className = "form-text char-count";
    counter.id = "id_message_count";
    counter.setAttribute("aria-live", "polite");
    message.insertAdjacentElement("afterend", counter);
    var timer = null;
    var updateCount = function () {
      var left = max - message.value.length;
      var words = left >= 0 ? message.dataset.countLeft : message.dataset.countOver;
      counter.textContent = words.replace("N", String(Math.abs(left)));
      counter.classList.toggle("char-count--over", left < 0);
    };
    message.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(updateCount, 400);
    });
    updateCount();
  }
})();
