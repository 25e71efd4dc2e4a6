"""An email backend that always fails, like an SMTP server that is down."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend


class FailingEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        # Real SMTP errors quote addresses; the app must not log this text.
        raise smtplib.SMTPRecipientsRefused(
            {message.to[0]: (550, b"mailbox unavailable") for message in email_messages}
        )


class FailOnLocationEmailBackend(BaseEmailBackend):
    """Delivers to patients (into mail.outbox) but fails for the location inbox."""

    def send_messages(self, email_messages):
        from django.core import mail

        for message in email_messages:
            if message.to[0].endswith("@clinic.example"):
                raise ConnectionRefusedError("mail server down")
            mail.outbox.append(message)
        return len(email_messages)
