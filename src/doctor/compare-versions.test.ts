import { describe, expect, it } from 'vitest';
import { lookupClaudeVersion } from './claude-versions.js';
import { compareVersions, findVersion } from './compare-versions.js';
import { parseHookLog } from './parse-hook-log.js';
import { renderDoctorJson, renderDoctorText } from './render-doctor.js';

describe('compareVersions', () => {
  it.each([
    ['20.19.0', '20.19.0', 0],
    ['v20.19.1', '20.19.0', 1],
    ['20.9.0', '20.19.0', -1],
    ['2.1.197', '2.1.98', 1],
    ['22', '20.19.0', 1],
  ])('%s vs %s', (a, b, sign) => expect(Math.sign(compareVersions(a, b))).toBe(sign));

  it('finds the version in `claude --version` output', () => {
    expect(findVersion('2.1.197 (Claude Code)\n')).toBe('2.1.197');
    expect(findVersion('command not found')).toBeUndefined();
  });
});

describe('lookupClaudeVersion', () => {
  it.each([
    ['2.1.197', 'verified'],
    ['2.1.240', 'verified'],
    ['2.1.196', 'unknown'],
    ['1.0.0', 'unknown'],
  ])('%s: updatedToolOutput %s', (version, expected) => expect(lookupClaudeVersion(version)?.updatedToolOutput).toBe(expected));
});

describe('parseHookLog', () => {
  it('reads entries and counts lines that are not entries', () => {
    const text = '2026-11-25T10:00:00.000Z\tStop\terror\tboom | at x\n\nhalf a li\n2026-11-25T10:00:01.000Z\t-\tdebug\tmessage\twith tab\n';
    expect(parseHookLog(text)).toEqual({
      entries: [
        { at: '2026-11-25T10:00:00.000Z', event: 'Stop', level: 'error', message: 'boom | at x' },
        { at: '2026-11-25T10:00:01.000Z', event: '-', level: 'debug', message: 'message\twith tab' },
      ],
      unreadable: 1,
    });
  });
});

describe('renderDoctor', () => {
  const results = [
    { id: 'node', status: 'ok' as const, finding: 'Node 22.', fix: 'needs 20.19' },
    { id: 'hook-log', status: 'warn' as const, finding: '1 error.', fix: 'fix it', details: ['2026 Stop: boom'] },
  ];
  it('prints the fix and details only under checks that are not ok', () => {
    expect(renderDoctorText(results)).toBe(
      ['ok    node      Node 22.', 'warn  hook-log  1 error.', '                - 2026 Stop: boom', '                why/fix: fix it', '', '0 failed, 1 warning(s), 1 ok.', ''].join('\n'),
    );
  });
  it('prints JSON with ok false only when a check failed', () => {
    expect(JSON.parse(renderDoctorJson(results))).toEqual({ ok: true, checks: results });
    expect(JSON.parse(renderDoctorJson([{ ...results[0], status: 'fail' }])).ok).toBe(false);
  });
});
