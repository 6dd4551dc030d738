import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutboxSmsSender, type SentSms } from '../../adapters/sms/outbox-sms-sender';

let dataDir: string;

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sms-outbox-'));
});

afterEach(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

const fixedNow = () => new Date('2024-03-01T08:00:00.000Z');

function code(phone: string, value: string) {
  return { phone, templateId: 'verification_code' as const, params: [value, '5'] };
}

describe('OutboxSmsSender', () => {
  it('appends each message as a JSON line', async () => {
    const sender = new OutboxSmsSender({ dataDir: path.join(dataDir, 'nested'), now: fixedNow });
    const first = await sender.send(code('13800000001', '123456'));
    await sender.send({ phone: '13800000002', templateId: 'disbursed', params: ['500.00'] });

    const lines = (await fs.readFile(sender.filePath, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0])).toEqual({
      messageId: first.messageId,
      phone: '13800000001',
      templateId: 'verification_code',
      params: ['123456', '5'],
      sentAt: '2024-03-01T08:00:00.000Z',
    });
    expect(JSON.parse(lines[1]).templateId).toBe('disbursed');
  });

  it('keeps lines in send order under concurrency', async () => {
    const sender = new OutboxSmsSender({ dataDir });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => sender.send(code('13800000001', String(i)))),
    );
    const lines = (await fs.readFile(sender.filePath, 'utf8')).trim().split('\n');
    expect(lines.map((line) => JSON.parse(line).params[0])).toEqual(
      Array.from({ length: 20 }, (_, i) => String(i)),
    );
  });

  it('returns the latest code per phone', async () => {
    const sender = new OutboxSmsSender({ dataDir });
    await sender.send(code('13800000001', '111111'));
    await sender.send(code('13800000002', '222222'));
    await sender.send({ phone: '13800000001', templateId: 'repayment_reminder', params: ['x'] });
    await sender.send(code('13800000001', '333333'));

    expect(sender.latestCode('13800000001')).toBe('333333');
    expect(sender.latestCode('13800000002')).toBe('222222');
    expect(sender.latestCode('13900000000')).toBeNull();
    expect(sender.messagesFor('13800000001')).toHaveLength(3);
  });

  it('bounds the in-memory list', async () => {
    const sender = new OutboxSmsSender({ dataDir, maxMessagesInMemory: 3 });
    for (let i = 0; i < 5; i++) await sender.send(code('13800000001', String(i)));
    expect(sender.messagesFor('13800000001').map((m) => m.params[0])).toEqual(['2', '3', '4']);
  });

  it('notifies listeners until removed', async () => {
    const sender = new OutboxSmsSender({ dataDir });
    const received: SentSms[] = [];
    const remove = sender.onMessage((message) => received.push(message));
    await sender.send(code('13800000001', '111111'));
    remove();
    await sender.send(code('13800000001', '222222'));
    expect(received.map((m) => m.params[0])).toEqual(['111111']);
  });

  it('reloads the outbox after a restart', async () => {
    const before = new OutboxSmsSender({ dataDir });
    await before.send(code('13800000001', '654321'));
    const after = new OutboxSmsSender({ dataDir });
    expect(await after.loadOutbox()).toBe(1);
    expect(after.latestCode('13800000001')).toBe('654321');
  });

  it('returns zero when no outbox exists', async () => {
    expect(await new OutboxSmsSender({ dataDir }).loadOutbox()).toBe(0);
  });

  it('rejects an invalid phone', async () => {
    const sender = new OutboxSmsSender({ dataDir });
    await expect(sender.send(code('12345678901', '1'))).rejects.toThrow(/invalid mainland/);
  });
});

describe('OutboxSmsSender listeners', () => {
  it('survives a failing listener', async () => {
    const sender = new OutboxSmsSender({ dataDir });
    const received: string[] = [];
    sender.onMessage(() => {
      throw new Error('log sink closed');
    });
    sender.onMessage((message) => received.push(message.params[0]));
    await expect(sender.send(code('13800000001', '777777'))).resolves.toHaveProperty('messageId');
    expect(received).toEqual(['777777']);
    expect(sender.latestCode('13800000001')).toBe('777777');
  });
});
