// Subjects taken apart (src/platform/subject.ts) against hand-written subjects in GitHub's and GitLab's formats:
// the repository part is the whole value or nothing (anchored at both ends), contexts without a value, `%3A`
// inside a value, and GitLab's `project_path:` subject anchored at its start.
import { describe, expect, it } from '@jest/globals';
import { parseGitHubRepoPart, parseGitHubSubject, parseGitLabSubject } from '../../src/platform/subject.js';

describe('the repository part of a GitHub subject', () => {
  it.each([
    ['octo-org/octo-repo', { owner: 'octo-org', name: 'octo-repo' }],
    ['octo-org@9919/octo-repo@690210123', { owner: 'octo-org', ownerId: '9919', name: 'octo-repo', repoId: '690210123' }],
    ['octo-org@9919/octo-repo', { owner: 'octo-org', ownerId: '9919', name: 'octo-repo' }],
    ['x/octo-org/octo-repo', undefined], // anchored at the start: three segments are no repository
    ['octo-org/octo-repo/extra', undefined], // anchored at the end
    ['octo-org/octo-repo@12x', undefined], // an ID is digits only, to the end
    ['octo-org@x/octo-repo', undefined],
    ['octo-org', undefined],
    ['/octo-repo', undefined],
    ['octo-org/', undefined],
    ['', undefined],
  ])('%j -> %j', (value, part) => {
    expect(parseGitHubRepoPart(value)).toEqual(part);
  });
});

describe('GitHub subjects', () => {
  it.each([
    ['repo:o/r:ref:refs/heads/main', [['repo', 'o/r'], ['ref', 'refs/heads/main']], { owner: 'o', name: 'r' }],
    ['repo:o/r:pull_request', [['repo', 'o/r'], ['pull_request', '']], { owner: 'o', name: 'r' }],
    ['repo:o/r:pull_request:job_workflow_ref:o/w/.github/workflows/x.yml@refs/heads/main', [['repo', 'o/r'], ['pull_request', ''], ['job_workflow_ref', 'o/w/.github/workflows/x.yml@refs/heads/main']], { owner: 'o', name: 'r' }],
    ['environment:prod:repo:o/r', [['environment', 'prod'], ['repo', 'o/r']], { owner: 'o', name: 'r' }], // a customized order: repo found by key
    ['repo:o@1/r@2:environment:a%3Ab', [['repo', 'o@1/r@2'], ['environment', 'a:b']], { owner: 'o', ownerId: '1', name: 'r', repoId: '2' }],
    ['repo:o/r:environment:a%3ab', [['repo', 'o/r'], ['environment', 'a:b']], { owner: 'o', name: 'r' }], // either case of %3A
    ['environment:prod', [['environment', 'prod']], undefined], // no repo key: no repository
    ['repo:not-a-repo:ref:x', [['repo', 'not-a-repo'], ['ref', 'x']], undefined],
  ])('%j', (sub, parts, repo) => {
    const s = parseGitHubSubject(sub);
    expect(s?.parts).toEqual(parts);
    expect(s?.repo).toEqual(repo);
    if (repo === undefined) expect(s).not.toHaveProperty('repo');
  });

  it.each([
    ['repo', 'a key without a value'],
    ['repo:o/r:ref', 'the last key without a value'],
    [':o/r', 'an empty key'],
    ['repo:o/r::x', 'an empty key in the middle'],
  ])('%j is no subject: %s', (sub) => {
    expect(parseGitHubSubject(sub)).toBeUndefined();
  });
});

describe('GitLab subjects', () => {
  it.each([
    ['project_path:group/project:ref_type:branch:ref:main', { projectPath: 'group/project', topGroup: 'group', refType: 'branch', ref: 'main' }],
    ['project_path:g/sub/p:ref_type:tag:ref:v1.0', { projectPath: 'g/sub/p', topGroup: 'g', refType: 'tag', ref: 'v1.0' }],
    ['project_path:g/p:ref_type:branch:ref:feature:x', { projectPath: 'g/p', topGroup: 'g', refType: 'branch', ref: 'feature:x' }],
    ['project_path:g/p:ref_type:branch:ref:a\nb', { projectPath: 'g/p', topGroup: 'g', refType: 'branch', ref: 'a\nb' }],
    ['xproject_path:g/p:ref_type:branch:ref:main', undefined], // anchored at the start
    ['repo:o/r:project_path:g/p:ref_type:branch:ref:main', undefined],
    ['project_path:p:ref_type:branch:ref:main', undefined], // a project lives in a group
    ['project_path:g/p:ref_type:Branch:ref:main', undefined],
    ['project_path:g/p:ref:main', undefined],
  ])('%j -> %j', (sub, parsed) => {
    expect(parseGitLabSubject(sub)).toEqual(parsed);
  });
});
