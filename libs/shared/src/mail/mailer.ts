export interface MailMessage {
  subject: string;
  text: string;
  to: string;
}

/** Port for outgoing e-mail. */
export abstract class Mailer {
  abstract send(message: MailMessage): Promise<void>;
}
