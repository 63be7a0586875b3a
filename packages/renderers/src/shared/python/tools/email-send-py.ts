// tools/email_send.py: sends a plain-text email through SMTP_URL (smtplib, STARTTLS when offered).
import type { PythonTool } from './python-tool';

export const emailSendTool: PythonTool = {
  id: 'email_send',
  dependencies: [],
  helpers: [],
  envExamples: { SMTP_URL: 'smtp://USER:PASSWORD@smtp.example.com:587', EMAIL_FROM: 'agent@example.com' },
  source: (description) => String.raw`"""The email_send tool: plain-text mail through SMTP_URL (smtp://user:pass@host:port or smtps://...)."""

from __future__ import annotations

import os
import re
import smtplib
import ssl
import urllib.parse
from email.message import EmailMessage

TIMEOUT_SECONDS = 30
MAX_RECIPIENTS = 20
_ADDRESS = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+$")


def _recipients(to: str) -> list[str]:
    addresses = [address.strip() for address in re.split(r"[,;]", str(to)) if address.strip()]
    if not addresses:
        raise ValueError("no recipient given")
    if len(addresses) > MAX_RECIPIENTS:
        raise ValueError(f"at most {MAX_RECIPIENTS} recipients")
    for address in addresses:
        if not _ADDRESS.match(address):
            raise ValueError(f"{address[:100]!r} is not an email address")
    return addresses


def _connect(url: str) -> smtplib.SMTP:
    parsed = urllib.parse.urlsplit(url)
    if parsed.scheme not in ("smtp", "smtps") or not parsed.hostname:
        raise ValueError("SMTP_URL must look like smtp://user:password@host:587 or smtps://user:password@host:465")
    secure = parsed.scheme == "smtps"
    port = parsed.port or (465 if secure else (587 if parsed.username else 25))
    if secure:
        client: smtplib.SMTP = smtplib.SMTP_SSL(parsed.hostname, port, timeout=TIMEOUT_SECONDS, context=ssl.create_default_context())
    else:
        client = smtplib.SMTP(parsed.hostname, port, timeout=TIMEOUT_SECONDS)
        client.ehlo()
        if client.has_extn("starttls"):
            client.starttls(context=ssl.create_default_context())
            client.ehlo()
    if parsed.username:
        client.login(urllib.parse.unquote(parsed.username), urllib.parse.unquote(parsed.password or ""))
    return client


def email_send(to: str, subject: str, body: str) -> str:
    """${description}

    Args:
        to: One or more recipient addresses, separated by commas.
        subject: The subject line.
        body: The plain-text message.
    """
    try:
        url = os.environ.get("SMTP_URL", "").strip()
        sender = os.environ.get("EMAIL_FROM", "").strip()
        if not url or not sender:
            return "error: set SMTP_URL and EMAIL_FROM to send email"
        recipients = _recipients(to)
        message = EmailMessage()
        message["From"] = sender
        message["To"] = ", ".join(recipients)
        message["Subject"] = " ".join(str(subject).split())[:200]
        message.set_content(str(body))
        client = _connect(url)
        try:
            client.send_message(message)
        finally:
            client.quit()
        return f"sent email {message['Subject']!r} to {', '.join(recipients)}"
    except Exception as error:  # the tool reports every failure to the model instead of raising
        return f"error: could not send the email: {error}"
`,
  tests: String.raw`
class _SmtpSink:
    """A minimal SMTP server on 127.0.0.1 that accepts one session and keeps the DATA it receives."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.commands: list[str] = []
        self.data = b""
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        connection, _ = self.listener.accept()
        with connection, connection.makefile("rb") as reader:
            connection.sendall(b"220 sink ready\r\n")
            while line := reader.readline():
                command = line.decode().strip()
                self.commands.append(command)
                verb = command.split(" ", 1)[0].upper()
                if verb == "EHLO":
                    connection.sendall(b"250-sink\r\n250 8BITMIME\r\n")
                elif verb == "DATA":
                    connection.sendall(b"354 go ahead\r\n")
                    while (chunk := reader.readline()) != b".\r\n":
                        self.data += chunk
                    connection.sendall(b"250 queued\r\n")
                elif verb == "QUIT":
                    connection.sendall(b"221 bye\r\n")
                    return
                else:
                    connection.sendall(b"250 ok\r\n")


def test_email_send_delivers_through_smtp(monkeypatch: pytest.MonkeyPatch) -> None:
    sink = _SmtpSink()
    monkeypatch.setenv("SMTP_URL", f"smtp://127.0.0.1:{sink.port}")
    monkeypatch.setenv("EMAIL_FROM", "agent@example.com")
    answer = email_send("a@example.com, b@example.org", "Weekly\ndigest", "Hello team.")
    sink.thread.join(timeout=5)
    assert answer == "sent email 'Weekly digest' to a@example.com, b@example.org"
    commands = [command.upper() for command in sink.commands]
    assert any(command.startswith("MAIL FROM:<AGENT@EXAMPLE.COM>") for command in commands)
    assert {"RCPT TO:<A@EXAMPLE.COM>", "RCPT TO:<B@EXAMPLE.ORG>"} <= set(commands)
    assert b"Subject: Weekly digest" in sink.data and b"Hello team." in sink.data


def test_email_send_refuses_bad_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SMTP_URL", raising=False)
    assert email_send("a@example.com", "s", "b") == "error: set SMTP_URL and EMAIL_FROM to send email"
    monkeypatch.setenv("SMTP_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("EMAIL_FROM", "agent@example.com")
    assert "SMTP_URL must look like" in email_send("a@example.com", "s", "b")
    monkeypatch.setenv("SMTP_URL", "smtp://127.0.0.1:9")
    assert "is not an email address" in email_send("not-an-address", "s", "b")
    assert "is not an email address" in email_send("a@example.com\nBcc: x@evil.com", "s", "b")
    assert email_send("a@example.com", "s", "b").startswith("error: could not send the email")
`,
};
