/* The page editor's form (admin change form of a procedure or condition).
   Same-origin file, no inline script: the CSP allows neither.

   Reordering parts with the keyboard: django-admin-sortable2 drags a part by its
   title bar; this adds "Move up" and "Move down" buttons beside each saved part,
   which move it and number the parts' hidden Order boxes as sortable2 does (1, 2,
   3 ...). Saved with the page. Without JavaScript, each part keeps its Order box. */
(function () {
  "use strict";

  document.documentElement.classList.add("edu-js");

  function partsOf(group) {
    return Array.prototype.slice.call(
      group.querySelectorAll(".inline-related.has_original")
    );
  }

  function titleOf(part) {
    var label = part.querySelector(".inline_label");
    return label ? label.textContent.trim() : "";
  }

  function renumber(group) {
    partsOf(group).forEach(function (part, index) {
      var box = part.querySelector("input._reorder_");
      if (box) {
        box.value = String(index + 1);
      }
    });
  }

  function button(text, title) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "button edu-move";
    element.textContent = text;
    // The visible words first, then which part: "Move up: Placing the needle".
    element.setAttribute("aria-label", text + ": " + title);
    return element;
  }

  function move(group, part, step, status, focus) {
    var parts = partsOf(group);
    var index = parts.indexOf(part);
    var target = parts[index + step];
    var title = titleOf(part);
    if (!target) {
      status.textContent = "“" + title + "” is already " + (step < 0 ? "first." : "last.");
      return;
    }
    if (step < 0) {
      target.parentNode.insertBefore(part, target);
    } else {
      target.parentNode.insertBefore(part, target.nextSibling);
    }
    renumber(group);
    focus.focus();
    status.textContent =
      "“" + title + "” moved to position " + (index + step + 1) + " of " + parts.length + ".";
  }

  function enhance(group) {
    var heading = group.querySelector(".inline-heading");
    var help = document.createElement("p");
    help.className = "help edu-parts__help";
    help.textContent =
      "To change the order, drag a part by its title, or use its Move up and Move " +
      "down buttons. The new order is kept when you save.";
    var status = document.createElement("p");
    status.className = "edu-visually-hidden";
    status.setAttribute("role", "status");
    heading.insertAdjacentElement("afterend", help);
    help.insertAdjacentElement("afterend", status);
    partsOf(group).forEach(function (part) {
      var bar = document.createElement("div");
      bar.className = "edu-part__move";
      var up = button("Move up", titleOf(part));
      var down = button("Move down", titleOf(part));
      up.addEventListener("click", function () {
        move(group, part, -1, status, up);
      });
      down.addEventListener("click", function () {
        move(group, part, 1, status, down);
      });
      bar.appendChild(up);
      bar.appendChild(down);
      part.appendChild(bar);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var groups = document.querySelectorAll(".edu-parts fieldset.sortable");
    Array.prototype.forEach.call(groups, enhance);
  });
})();
