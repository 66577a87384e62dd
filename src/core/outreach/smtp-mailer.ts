import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { Mailer } from './deliver-outbox.js';

/** The SMTP timeouts: well inside the claim's lease (LEASE_MS), so a hung server fails the attempt instead. */
const TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/**
 * A mailer that sends through the operator's own SMTP server (`smtp://user:pass@host:587` with
 * STARTTLS when offered, `smtps://…:465` for TLS from the start), from the configured address.
 */
export function smtpMailer(smtpUrl: string, from: string): Mailer & { close(): void } {
  const transport = nodemailer.createTransport({ url: smtpUrl, ...TIMEOUTS } satisfies SMTPTransport.Options);
  return {
    async send(email) {
      await transport.sendMail({
        from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        headers: email.headers,
        ...(email.messageId ? { messageId: email.messageId } : {}),
      });
    },
    close() {
      transport.close();
    },
  };
}
