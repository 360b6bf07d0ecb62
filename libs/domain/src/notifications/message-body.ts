/** Greeting, the lines, the task link and the footer: every notification body (reminders, task events) has this shape. */
export function messageBody(recipientName: string, lines: readonly string[], link: string): string {
  return [
    `${recipientName}：`,
    '',
    ...lines,
    '',
    `查看任务：${link}`,
    '',
    '（本消息由督办系统自动发送，请勿直接回复。）',
  ].join('\n');
}
