// Electronegativity (Doyensec) over the app's Electron code, offline: the check that asks GitHub
// for Electron releases is left out. Every HIGH or MEDIUM finding must be in the reviewed
// allow-list (security/electronegativity-allow.json) or the scan fails.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'desk-scan-'));
try {
  // Only what ships: the main process, preload, host and the renderer's page (not node_modules).
  cpSync(join(root, 'electron'), join(work, 'electron'), { recursive: true });
  mkdirSync(join(work, 'renderer'));
  cpSync(join(root, 'renderer', 'index.html'), join(work, 'renderer', 'index.html'));
  cpSync(join(root, 'package.json'), join(work, 'package.json'));
  const out = join(work, 'findings.csv');
  const r = spawnSync('npx', ['electronegativity', '-i', work, '-x', 'AvailableSecurityFixesGlobalCheck', '-r', '-v', 'false', '-o', out], {
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 600_000,
  });
  if (r.status !== 0) {
    console.error(`electronegativity exited with ${r.status}`);
    process.exit(1);
  }
  const allow = JSON.parse(readFileSync(join(root, 'security', 'electronegativity-allow.json'), 'utf8')).allowed;
  const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1);
  const findings = rows.map((line) => {
    const [check, severity, confidence, file, location] = line.split(',').map((x) => x.replace(/^"|"$/g, ''));
    return { check, severity, confidence, file, location };
  });
  const serious = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM');
  const unexplained = serious.filter((f) => !allow.some((a) => a.check === f.check && a.file === f.file));
  for (const f of serious) console.log(`${unexplained.includes(f) ? 'UNEXPLAINED' : 'allowed    '} ${f.severity} ${f.check} ${f.file}:${f.location}`);
  console.log(`electronegativity: ${findings.length} findings, ${serious.length} HIGH or MEDIUM, ${unexplained.length} unexplained`);
  process.exit(unexplained.length ? 1 : 0);
} finally {
  rmSync(work, { recursive: true, force: true });
}
