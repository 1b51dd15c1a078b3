import { describe, expect, it } from 'vitest';
import { roles } from '../engine/roles';
import { type Capability, can, capabilityNames, leastRoleFor, permissionsOf } from './permissions';

const held = (role: (typeof roles)[number]) => capabilityNames.filter((name) => can({ role }, name));

describe('the permissions table', () => {
  it('gives owners everything, and admins everything reviewers have', () => {
    expect(held('owner')).toEqual(capabilityNames);
    const admin = held('admin');
    for (const name of held('reviewer')) expect(admin, name).toContain(name);
  });

  it('lets a reviewer read and comment, and change nothing else', () => {
    const changes = held('reviewer').filter((name) => !name.endsWith('.view'));
    // Comments on candidates and on bank questions are the reviewer's only writes (issue 11: reviewers read and comment).
    expect(changes).toEqual<Capability[]>(['note.write', 'bank.comment', 'organization.switch']);
    expect(can({ role: 'reviewer' }, 'candidateLink.view')).toBe(false);
  });

  it('keeps the team roles and members for owners', () => {
    expect(capabilityNames.filter((name) => !can({ role: 'admin' }, name))).toEqual<Capability[]>([
      'team.assignOwner',
      'team.manage',
    ]);
  });

  it('resolves a role into the booleans views receive, the same answers as can()', () => {
    for (const role of roles) {
      const permissions = permissionsOf(role);
      for (const name of capabilityNames) expect(permissions[name], `${role} ${name}`).toBe(can({ role }, name));
    }
  });

  it('names the least role holding a capability, for refusals', () => {
    expect(leastRoleFor('apiKey.manage')).toBe('admin');
    expect(leastRoleFor('team.manage')).toBe('owner');
    expect(leastRoleFor('note.write')).toBe('reviewer');
  });
});
