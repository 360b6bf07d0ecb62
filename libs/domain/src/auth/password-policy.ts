/** Shortest password a person may choose (POST /api/auth/password, the 修改密码 form). */
export const MIN_PASSWORD_LENGTH = 10;

/** Passwords too common to allow whatever their length (the usual first guesses). */
const COMMON = new Set([
  '1234567890',
  '0123456789',
  '1111111111',
  'qwertyuiop',
  'password123',
  'password1234',
  'abc1234567',
  'a123456789',
  'admin12345',
  'admin123456',
  '88888888888',
]);

/**
 * Why a new password is refused, in zh-CN, or null when it is acceptable. One rule set shared by
 * the API (which enforces it) and the web form (which says it before the round trip).
 */
export function passwordProblem(
  password: string,
  context: { username: string; current?: string },
): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `新密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符。`;
  if (password.length > 200) return '新密码不能超过 200 个字符。';
  if ([...password].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f))
    return '新密码不能包含控制字符。';
  if (context.current !== undefined && password === context.current) return '新密码不能与当前密码相同。';
  const lower = password.toLowerCase();
  if (context.username && lower.includes(context.username.toLowerCase())) return '新密码不能包含用户名。';
  if (COMMON.has(lower) || /^(.)\1+$/u.test(password)) return '新密码过于简单，请换一个不易猜到的密码。';
  const classes = [/[a-z]/u, /[A-Z]/u, /\d/u, /[^A-Za-z\d]/u].filter((re) => re.test(password)).length;
  if (classes < 2) return '新密码需同时包含字母、数字或符号中的至少两类。';
  return null;
}
