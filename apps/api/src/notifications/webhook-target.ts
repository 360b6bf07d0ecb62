import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Why a webhook target is refused (the message is zh-CN, for the admin who entered the URL). */
export class WebhookTargetError extends Error {
  constructor(
    readonly reason: 'scheme' | 'credentials' | 'unresolvable' | 'forbidden_address',
    message: string,
  ) {
    super(message);
  }
}

type Range = [address: string, prefix: number, family: 'ipv4' | 'ipv6'];

/** Never reachable, whatever the allow-list says: unspecified, broadcast, cloud metadata. */
const ALWAYS_FORBIDDEN: Range[] = [
  ['0.0.0.0', 8, 'ipv4'],
  ['255.255.255.255', 32, 'ipv4'],
  ['169.254.169.254', 32, 'ipv4'],
  ['::', 128, 'ipv6'],
  ['fd00:ec2::254', 128, 'ipv6'],
];

/** Refused unless listed in WEBHOOK_ALLOW_PRIVATE: loopback, link-local, private, shared, multicast, reserved. */
const INTERNAL: Range[] = [
  ['127.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  ['::1', 128, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
  ['64:ff9b::', 96, 'ipv6'],
];

function blockList(ranges: Range[]): BlockList {
  const list = new BlockList();
  for (const [address, prefix, family] of ranges) list.addSubnet(address, prefix, family);
  return list;
}

const FORBIDDEN = blockList(ALWAYS_FORBIDDEN);
const INTERNAL_LIST = blockList(INTERNAL);

/** `::ffff:127.0.0.1` is 127.0.0.1: IPv4-mapped addresses are judged as IPv4. */
function unmapped(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/iu.exec(address);
  if (mapped?.[1]) return { address: mapped[1], family: 'ipv4' };
  return { address, family: isIP(address) === 6 ? 'ipv6' : 'ipv4' };
}

/**
 * Decides which addresses webhooks may reach: public addresses always; internal ones (loopback,
 * private, link-local …) only inside the allow-list; metadata and unspecified addresses never.
 */
export class WebhookTargetPolicy {
  private readonly allowed: BlockList;

  constructor(allowPrivate: readonly string[]) {
    this.allowed = new BlockList();
    for (const entry of allowPrivate) {
      const [address = '', bits] = entry.split('/');
      const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
      this.allowed.addSubnet(
        address,
        bits === undefined ? (family === 'ipv6' ? 128 : 32) : Number(bits),
        family,
      );
    }
  }

  /** Null when the address may be reached, else the zh-CN reason. */
  refusal(rawAddress: string): string | null {
    const { address, family } = unmapped(rawAddress);
    if (FORBIDDEN.check(address, family))
      return `Webhook 地址解析到 ${address}（保留或云元数据地址），不允许。`;
    if (INTERNAL_LIST.check(address, family) && !this.allowed.check(address, family)) {
      return `Webhook 地址解析到内网或本机地址 ${address}，不允许（如需内网接收方，请管理员在 WEBHOOK_ALLOW_PRIVATE 中登记该网段）。`;
    }
    return null;
  }

  /**
   * Checks a URL as entered: http(s), no credentials, and every address its host resolves to must
   * be allowed. Returns the parsed URL. Delivery checks again at connect time (DNS rebinding).
   */
  async check(raw: string): Promise<URL> {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new WebhookTargetError('scheme', 'Webhook 地址格式不正确。');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new WebhookTargetError('scheme', 'Webhook 地址须以 http:// 或 https:// 开头。');
    }
    if (url.username || url.password) {
      throw new WebhookTargetError('credentials', 'Webhook 地址不能包含用户名或密码，请改用签名密钥。');
    }
    for (const address of await this.resolve(url.hostname)) {
      const refusal = this.refusal(address);
      if (refusal) throw new WebhookTargetError('forbidden_address', refusal);
    }
    return url;
  }

  /** The connect-time DNS lookup for http.request: resolves, then refuses a forbidden answer. */
  readonly lookup = (
    hostname: string,
    options: { all?: boolean },
    callback: (
      error: Error | null,
      address: string | { address: string; family: number }[],
      family?: number,
    ) => void,
  ): void => {
    lookup(hostname, { all: true, verbatim: true }).then(
      (answers) => {
        const refused = answers.map((a) => this.refusal(a.address)).find((r) => r !== null);
        if (refused) return callback(new WebhookTargetError('forbidden_address', refused), '', 0);
        if (options.all) return callback(null, answers);
        const first = answers[0];
        if (!first)
          return callback(new WebhookTargetError('unresolvable', `无法解析主机名 ${hostname}。`), '', 0);
        callback(null, first.address, first.family);
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), '', 0),
    );
  };

  private async resolve(hostname: string): Promise<string[]> {
    const bare = hostname.replace(/^\[|\]$/gu, '');
    if (isIP(bare)) return [bare];
    try {
      return (await lookup(bare, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      throw new WebhookTargetError('unresolvable', `无法解析 Webhook 地址的主机名 ${hostname}，请检查地址。`);
    }
  }
}
