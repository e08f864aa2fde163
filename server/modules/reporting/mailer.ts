import net from 'node:net';
import nodemailer from 'nodemailer';
import type { Config } from '../../config';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /**
   * Sends one e-mail, in at most the configured send time (SMTP_SEND_TIMEOUT_SECONDS): past it, or when
   * `signal` aborts, the connection is cut and the promise rejects (MailTimeoutError / MailAbortedError).
   */
  send(message: MailMessage, signal?: AbortSignal): Promise<void>;
  /** E-mails one process sends at the same time (SMTP_CONCURRENCY). */
  readonly concurrency: number;
  close(): void;
}

/** The send was stopped because the application is shutting down: the e-mail goes back to the queue. */
export class MailAbortedError extends Error {
  constructor() {
    super('Dừng gửi thư vì máy chủ planwatch đang tắt; thư được giữ lại để gửi lần sau.');
    this.name = 'MailAbortedError';
  }
}

/** The mail server took longer than the whole-send limit. */
export class MailTimeoutError extends Error {
  constructor(seconds: number) {
    super(`Máy chủ thư không hoàn tất việc nhận thư trong ${seconds} giây; sẽ thử gửi lại sau.`);
    this.name = 'MailTimeoutError';
  }
}

/**
 * SMTP through nodemailer, configured by SMTP_* variables; null when SMTP_HOST is not set.
 *
 * nodemailer bounds each step (connect, greeting, silence) but has no way to stop a send from outside,
 * so each send gets its own transport whose TCP socket is opened here (nodemailer's `getSocket` hook,
 * TLS still negotiated by nodemailer): cutting that socket ends the send at once, which is how the
 * overall deadline and shutdown are enforced without waiting for a silent server's timeouts.
 */
export function createMailer(config: Config): Mailer | null {
  const s = config.smtp;
  if (!s.host) return null;
  const host = s.host;
  const timeoutMs = s.timeoutMs ?? 30_000;
  const sendTimeoutMs = s.sendTimeoutMs ?? 60_000;

  const send = (m: MailMessage, signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(new MailAbortedError());
      const sockets = new Set<net.Socket>();
      let done = false;
      const finish = (err: Error | null) => {
        if (done) return;
        done = true;
        clearTimeout(deadline);
        signal?.removeEventListener('abort', onAbort);
        if (err) for (const socket of sockets) socket.destroy();
        transport.close();
        if (err) reject(err);
        else resolve();
      };
      const onAbort = () => finish(new MailAbortedError());
      const deadline = setTimeout(
        () => finish(new MailTimeoutError(Math.round(sendTimeoutMs / 1000))),
        sendTimeoutMs,
      );
      deadline.unref();
      signal?.addEventListener('abort', onAbort, { once: true });

      const transport = nodemailer.createTransport({
        host,
        port: s.port,
        secure: s.secure,
        ...(s.user ? { auth: { user: s.user, pass: s.pass ?? '' } } : {}),
        connectionTimeout: timeoutMs,
        greetingTimeout: timeoutMs,
        socketTimeout: timeoutMs,
        getSocket: (_opts, callback) => {
          if (done) return callback(new MailAbortedError());
          const socket = net.connect({ host, port: s.port });
          sockets.add(socket);
          socket.once('close', () => sockets.delete(socket));
          let answered = false;
          const answer = (err: Error | null) => {
            if (answered) return;
            answered = true;
            clearTimeout(connectTimer);
            if (err) {
              socket.destroy();
              callback(err);
            } else callback(null, { connection: socket });
          };
          const connectTimer = setTimeout(
            () =>
              answer(
                new Error(
                  `Không kết nối được tới máy chủ thư ${host}:${s.port} trong ${timeoutMs / 1000} giây.`,
                ),
              ),
            timeoutMs,
          );
          connectTimer.unref();
          socket.once('connect', () => answer(null));
          socket.once('error', (err) => answer(err));
        },
      });
      transport.sendMail({ from: s.from, to: m.to, subject: m.subject, text: m.text }).then(
        () => finish(null),
        (err: unknown) => finish(err instanceof Error ? err : new Error(String(err))),
      );
    });

  return {
    send,
    concurrency: Math.max(1, s.concurrency ?? 2),
    close: () => {},
  };
}
