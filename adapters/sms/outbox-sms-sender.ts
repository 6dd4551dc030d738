import { randomUUID } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import type { SmsMessage, SmsSender } from '../ports/sms';

/** A message as the sandbox outbox records it: one JSON line in the outbox file. */
export interface SentSms extends SmsMessage {
  messageId: string;
  /** ISO instant the message was accepted. */
  sentAt: string;
}

export type SmsListener = (message: SentSms) => void;

export interface OutboxSmsSenderOptions {
  /** Folder for the outbox file, created when missing. */
  dataDir: string;
  /** Outbox file name inside `dataDir`. */
  fileName?: string;
  /** Most recent messages kept in memory for the inbox readers. */
  maxMessagesInMemory?: number;
  now?: () => Date;
}

const DEFAULT_FILE_NAME = 'sms-outbox.jsonl';
const DEFAULT_MAX_MESSAGES_IN_MEMORY = 1000;

/**
 * Sandbox SMS: every message is appended to a JSONL outbox file, kept in a bounded
 * in-memory list and passed to listeners (the local server prints it, so its log serves as
 * the sandbox phone). Nothing leaves the machine.
 */
export class OutboxSmsSender implements SmsSender {
  readonly filePath: string;
  private readonly maxMessagesInMemory: number;
  private readonly now: () => Date;
  private readonly recent: SentSms[] = [];
  private readonly listeners = new Set<SmsListener>();
  /** Serialises appends so lines keep the order of `send` calls. */
  private appendQueue: Promise<void> = Promise.resolve();

  constructor(options: OutboxSmsSenderOptions) {
    this.filePath = path.join(options.dataDir, options.fileName ?? DEFAULT_FILE_NAME);
    this.maxMessagesInMemory = options.maxMessagesInMemory ?? DEFAULT_MAX_MESSAGES_IN_MEMORY;
    this.now = options.now ?? (() => new Date());
    if (!Number.isInteger(this.maxMessagesInMemory) || this.maxMessagesInMemory < 1) {
      throw new RangeError(
        `maxMessagesInMemory must be a positive integer, got ${this.maxMessagesInMemory}`,
      );
    }
  }

  /** Records the message in the outbox file, the memory list and every listener. */
  async send(message: SmsMessage): Promise<{ messageId: string }> {
    if (!/^1[3-9]\d{9}$/.test(message.phone)) {
      throw new Error(`invalid mainland mobile number "${message.phone}": expected 11 digits`);
    }
    const sent: SentSms = {
      messageId: randomUUID(),
      phone: message.phone,
      templateId: message.templateId,
      params: [...message.params],
      sentAt: this.now().toISOString(),
    };

    await this.append(JSON.stringify(sent) + '\n');
    this.remember(sent);
    this.notify(sent);
    return { messageId: sent.messageId };
  }

  /** Registers a listener for each sent message. Returns a function that removes it. */
  onMessage(listener: SmsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Messages to a phone still in memory, oldest first. */
  messagesFor(phone: string): SentSms[] {
    return this.recent.filter((message) => message.phone === phone);
  }

  /** Returns the code in the latest verification-code message to a phone, or null if none. */
  latestCode(phone: string): string | null {
    const codes = this.messagesFor(phone).filter((m) => m.templateId === 'verification_code');
    return codes.length > 0 ? codes[codes.length - 1].params[0] ?? null : null;
  }

  /**
   * Loads the newest messages from an existing outbox file into memory, so the sandbox
   * inbox survives a restart. Returns how many lines the file contains.
   */
  async loadOutbox(): Promise<number> {
    let text: string;
    try {
      text = await fs.readFile(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    this.recent.length = 0;
    for (const line of lines.slice(-this.maxMessagesInMemory)) {
      this.recent.push(JSON.parse(line) as SentSms);
    }
    return lines.length;
  }

  /** Calls every listener. A failing listener cannot fail a send that is already recorded. */
  private notify(message: SentSms): void {
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch (error) {
        process.emitWarning(
          `SMS outbox listener failed for message ${message.messageId}: ${String(error)}`,
        );
      }
    }
  }

  private remember(message: SentSms): void {
    this.recent.push(message);
    if (this.recent.length > this.maxMessagesInMemory) this.recent.shift();
  }

  private append(line: string): Promise<void> {
    const appended = this.appendQueue.then(async () => {
      await fs.mkdir(path.dirname(this.filePath), { recursive: true });
      await fs.appendFile(this.filePath, line, 'utf8');
    });
    // A failed append rejects this send only; later sends still run.
    this.appendQueue = appended.catch(() => undefined);
    return appended;
  }
}
