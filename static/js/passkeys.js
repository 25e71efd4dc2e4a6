// Once django-otp-webauthn's script has saved a new passkey, load the page again so
// the list shows it.
document.addEventListener("otp_webauthn.register_complete", () => {
  window.location.reload();
});
