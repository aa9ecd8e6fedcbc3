import { describe, expect, it } from 'vitest';
import { redactionRules, redactSecrets } from './redact-secrets.js';

// Sample secrets are built from pieces so the repository never holds one verbatim.
const gh = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
const aws = 'AKIA' + 'IOSFODNN7EXAMPLE';
const jwt = 'eyJhbGciOiJIUzI1NiJ9' + '.' + 'eyJzdWIiOiIxMjM0NTY3ODkwIn0' + '.' + 'dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

const cases: Array<{ name: string; input: string; expected: string }> = [
  { name: 'anthropic key', input: 'key sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123', expected: 'key [REDACTED:anthropic-key]' },
  { name: 'openai-style key', input: 'OPENAI sk-proj-abcdefghijklmnopqrstuvwx', expected: 'OPENAI [REDACTED:api-key]' },
  { name: 'github token', input: `token ${gh} used`, expected: 'token [REDACTED:github-token] used' },
  { name: 'aws access key', input: `aws ${aws}`, expected: 'aws [REDACTED:aws-access-key]' },
  { name: 'slack token', input: 'xoxb-1234567890-abcdefghij', expected: '[REDACTED:slack-token]' },
  { name: 'jwt', input: `auth=${jwt};`, expected: 'auth=[REDACTED:jwt];' },
  {
    name: 'private key block',
    input: 'a\n-----BEGIN RSA PRIVATE KEY-----\nMIIEow\nabc\n-----END RSA PRIVATE KEY-----\nb',
    expected: 'a\n[REDACTED:private-key]\nb',
  },
  { name: 'unterminated private key', input: 'x\n-----BEGIN PRIVATE KEY-----\nMIIEow', expected: 'x\n[REDACTED:private-key]' },
  { name: 'password in url', input: 'git clone https://user:hunter2@example.com/r.git', expected: 'git clone https://user:[REDACTED:url-password]@example.com/r.git' },
  { name: 'env assignment', input: 'API_KEY=abc123def', expected: 'API_KEY=[REDACTED:env]' },
  { name: 'exported quoted env', input: 'export DB_PASSWORD="p@ss word"', expected: 'export DB_PASSWORD="[REDACTED:env]"' },
  { name: 'env with quotes', input: "GITHUB_TOKEN='tok123'", expected: "GITHUB_TOKEN='[REDACTED:env]'" },
  { name: 'bare PASSWORD', input: 'PASSWORD: s3cret', expected: 'PASSWORD: [REDACTED:env]' },
  { name: 'SECRET= in .env listing', input: '.env:3:CLIENT_SECRET=xyz', expected: '.env:3:CLIENT_SECRET=[REDACTED:env]' },
  { name: 'bearer header', input: 'Authorization: Bearer abcdefghijklmnop123', expected: 'Authorization: Bearer [REDACTED:bearer-token]' },
  { name: 'json password field', input: '{"password": "hunter2"}', expected: '{"password": "[REDACTED:secret-field]"}' },
  { name: 'secret field in any case', input: "Client_Secret: 'abc123'", expected: "Client_Secret: '[REDACTED:secret-field]'" },
  { name: 'two kinds in one text', input: `x ${aws}\nAPI_KEY=abc123def`, expected: 'x [REDACTED:aws-access-key]\nAPI_KEY=[REDACTED:env]' },
  { name: 'placeholder kept', input: 'API_KEY=${API_KEY}', expected: 'API_KEY=${API_KEY}' },
  { name: 'code left alone', input: 'const token = readToken(path);', expected: 'const token = readToken(path);' },
  { name: 'plain text left alone', input: 'the secret of good tests is sk-short', expected: 'the secret of good tests is sk-short' },
];

describe('redactSecrets', () => {
  for (const { name, input, expected } of cases) {
    it(name, () => {
      expect(redactSecrets(input).text).toBe(expected);
    });
  }

  it('counts the replaced values', () => {
    expect(redactSecrets(`${aws} and ${gh}`).count).toBe(2);
    expect(redactSecrets('nothing here').count).toBe(0);
  });

  it('gives every rule hints that each of its matches contains (a text without them skips the rule)', () => {
    const samples = [
      ...cases.map((c) => c.input),
      'AUTH_HEADER=xyz SECRETKEY: abc ACCESS_KEY=1 CREDENTIALS=2 MY_APIKEY=3',
      '"Refresh_Token": "r" "APIKEY": "k" "Private_Key": "p" passwd=\'q\'',
      'Token abcdefghijklmnop Basic dXNlcjpwYXNzd29yZA== HTTPS://u:p@h',
      'rk_live_0123456789abcdef sk_test_0123456789abcdef npm_' + 'a'.repeat(36) + ' AIza' + 'b'.repeat(35),
    ];
    for (const rule of redactionRules) {
      expect(rule.hints?.length, rule.kind).toBeGreaterThan(0);
      for (const sample of samples) {
        for (const match of sample.matchAll(new RegExp(rule.pattern.source, rule.pattern.flags))) {
          const text = rule.hintsIgnoreCase ? match[0].toLowerCase() : match[0];
          expect(rule.hints!.some((hint) => text.includes(hint)), `${rule.kind}: ${match[0]}`).toBe(true);
        }
      }
    }
  });

  it('finds hints that overlap or contain each other', () => {
    // An `sk-` key that is not a full anthropic key; an env name whose AUTH overlaps an AWS prefix; KEY inside PRIVATE KEY.
    expect(redactSecrets('sk-ant-0123456789abcdef').text).toBe('[REDACTED:api-key]');
    expect(redactSecrets('AKIAUTH=s3cret').text).toBe('AKIAUTH=[REDACTED:env]');
    expect(redactSecrets('PRIVATE KEY API_KEY=abc').text).toBe('PRIVATE KEY API_KEY=[REDACTED:env]');
  });

  it('redacts a quoted env value with spaces up to the first space', () => {
    expect(redactSecrets('export DB_PASSWORD="hunter2"').text).toBe('export DB_PASSWORD="[REDACTED:env]"');
  });
});
