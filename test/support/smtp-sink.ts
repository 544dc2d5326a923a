import { AddressInfo } from 'node:net';

import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  subject: string;
  text: string;
  to: string;
}

/**
 * A real SMTP server on loopback that keeps what it receives, so tests read
 * one-time codes from the mail exactly as a user would.
 */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  private readonly server: SMTPServer;
  private readonly waiters: Array<() => void> = [];

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
            this.messages.push({
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              to: to?.value[0]?.address ?? '',
            });
            this.waiters.splice(0).forEach((wake) => wake());
            callback();
          })
          .catch(callback);
      },
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) =>
      this.server.listen(0, '127.0.0.1', resolve),
    );
    const { port } = this.server.server.address() as AddressInfo;

    return `smtp://127.0.0.1:${port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Waits for the next mail to `to` that arrives after `since` messages. */
  async nextMailTo(
    to: string,
    since: number,
    timeoutMs = 5000,
  ): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.slice(since).find((mail) => mail.to === to);
      if (found) {
        return found;
      }

      if (Date.now() > deadline) {
        throw new Error(`No mail to ${to} within ${timeoutMs} ms`);
      }

      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  /** The 6-digit code of the next mail to `to`. */
  async nextCodeFor(to: string, since: number): Promise<string> {
    const mail = await this.nextMailTo(to, since);
    const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
    if (!code) {
      throw new Error(`No code in mail to ${to}: ${mail.text}`);
    }

    return code;
  }
}
