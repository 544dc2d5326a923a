import { Injectable, Logger } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';

import { AppConfig } from '../config/app-config';
import { MailMessage, Mailer } from './mailer';

/**
 * Sends over SMTP when SMTP_URL is set. Without it the message is rendered by
 * nodemailer's JSON transport and written to the log, so a local run can
 * still complete the verification flow.
 */
@Injectable()
export class NodemailerMailer extends Mailer {
  private readonly logger = new Logger(NodemailerMailer.name);
  private readonly transport: Transporter;
  private readonly toLog: boolean;

  constructor(private readonly config: AppConfig) {
    super();
    this.toLog = !config.mail.smtpUrl;
    this.transport = config.mail.smtpUrl
      ? createTransport(config.mail.smtpUrl)
      : createTransport({ jsonTransport: true });
  }

  async send(message: MailMessage): Promise<void> {
    const info = await this.transport.sendMail({
      from: this.config.mail.from,
      subject: message.subject,
      text: message.text,
      to: message.to,
    });

    if (this.toLog) {
      this.logger.log(
        `Mail (no SMTP_URL set, logged instead of sent): ${String(info.message)}`,
      );
    }
  }
}
