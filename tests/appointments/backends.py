"""Email backends that fail (or dawdle) in the ways a real mail server can."""

import smtplib
import threading

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


def _is_location(address: str) -> bool:
    return address.endswith("@clinic.example")


class RefusePatientEmailBackend(BaseEmailBackend):
    """Delivers to the location inbox but refuses the patient's address for good."""

    code = 550
    tried: list[str] = []

    def send_messages(self, email_messages):
        from django.core import mail

        for message in email_messages:
            type(self).tried.append(message.to[0])
            if not _is_location(message.to[0]):
                raise smtplib.SMTPRecipientsRefused(
                    {message.to[0]: (self.code, b"5.1.1 no such user")}
                )
            mail.outbox.append(message)
        return len(email_messages)


class RefusePatientForNowEmailBackend(RefusePatientEmailBackend):
    """Refuses the patient's address with a temporary code (mailbox full)."""

    code = 452


class SlowLocationEmailBackend(BaseEmailBackend):
    """Records every email; the first location email waits until it is released.

    Lets a test start a second send while the first is still talking to the server.
    """

    sent: list[tuple[str, str]] = []
    sending = threading.Event()
    release = threading.Event()
    lock = threading.Lock()

    def send_messages(self, email_messages):
        cls = type(self)
        for message in email_messages:
            with cls.lock:
                first = not cls.sending.is_set() and _is_location(message.to[0])
                if first:
                    cls.sending.set()
            if first:
                cls.release.wait(timeout=30)
            with cls.lock:
                cls.sent.append((message.to[0], message.subject))
        return len(email_messages)

    @classmethod
    def reset(cls):
        cls.sent = []
        cls.sending = threading.Event()
        cls.release = threading.Event()
