import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The README and docs/ must stand alone in a clone: every link resolves inside the repository (to a heading that
// exists, when it names one), and nothing points at documents that only sit beside the repository.
const root = join(import.meta.dirname, '../..');
const documents = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

function anchors(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!)));
}

function links(text: string): string[] {
  const withoutCode = text.replace(/```[\s\S]*?```/g, '');
  return [...withoutCode.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
}

describe('README.md and docs/', () => {
  it('finds headings the way GitHub names them', () => {
    expect(slug('Knowing: the knowledge states')).toBe('knowing-the-knowledge-states');
    expect(slug('encrypt and decrypt')).toBe('encrypt-and-decrypt');
    expect(slug('as-of')).toBe('as-of');
  });

  for (const doc of documents) {
    it(`${doc} links only to files and headings inside the repository`, () => {
      const text = readFileSync(join(root, doc), 'utf8');
      expect(text, 'mentions documents outside the repository').not.toMatch(/\b(DOMAIN|FORMATS|CLI|REVIEW|ENGINEERING|NDELIUS_CODES)\.md\b/);
      const broken: string[] = [];
      for (const link of links(text)) {
        if (/^(https?:|mailto:)/.test(link)) continue;
        const [path, anchor] = link.split('#') as [string, string | undefined];
        const target = path === '' ? join(root, doc) : resolve(dirname(join(root, doc)), path);
        if (relative(root, target).startsWith('..') || !existsSync(target)) broken.push(link);
        else if (anchor && target.endsWith('.md') && !anchors(target).has(anchor)) broken.push(link);
      }
      expect(broken).toEqual([]);
    });
  }
});
