import { describe, expect, it } from 'vitest';
import { claudeProjectsDir, projectFolderName, projectFolderPrefix } from './project-folder.js';

describe('projectFolderName', () => {
  it.each([
    ['/home/dev/proj', '-home-dev-proj'],
    ['/home/dev/my_app.v2', '-home-dev-my-app-v2'],
    ['/Users/a b/Ünïcode', '-Users-a-b--n-code'],
    ['C:\\work\\repo', 'C--work-repo'],
  ])('%s → %s', (cwd, name) => {
    expect(projectFolderName(cwd)).toBe(name);
  });

  it('cuts long names at 200 characters and adds a hash of the whole path', () => {
    const long = `/home/dev/${'x'.repeat(250)}`;
    const name = projectFolderName(long);
    expect(name.startsWith(`-home-dev-${'x'.repeat(190)}-`)).toBe(true);
    expect(name).toMatch(/^.{200}-[0-9a-z]+$/);
    expect(projectFolderName(`${long}y`)).not.toBe(name);
    expect(projectFolderPrefix(long)).toBe(`${name.slice(0, 200)}-`);
    expect(projectFolderPrefix('/short')).toBeUndefined();
  });
});

describe('claudeProjectsDir', () => {
  it('uses CLAUDE_CONFIG_DIR when set, else ~/.claude', () => {
    expect(claudeProjectsDir({ CLAUDE_CONFIG_DIR: '/cfg' }, '/home/u')).toBe('/cfg/projects');
    expect(claudeProjectsDir({ CLAUDE_CONFIG_DIR: '' }, '/home/u')).toBe('/home/u/.claude/projects');
    expect(claudeProjectsDir({}, '/home/u')).toBe('/home/u/.claude/projects');
  });
});
