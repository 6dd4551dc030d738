/** Text messages, shaped like Tencent Cloud SMS `SendSms` (template id plus parameters). */
export interface SmsMessage {
  /** Mainland number without prefix, e.g. `13800000000`. */
  phone: string;
  templateId: 'verification_code' | 'repayment_reminder' | 'disbursed';
  params: string[];
}

export interface SmsSender {
  send(message: SmsMessage): Promise<{ messageId: string }>;
}
