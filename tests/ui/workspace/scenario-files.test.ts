import { describe, expect, it } from 'vitest';
import { defaultScenario, parseScenario } from '../../../src/model/scenario';
import {
  MAX_FILE_BYTES,
  readScenarioFile,
  scenarioFileText,
  type FileLike,
} from '../../../src/ui/workspace/scenario-files';

function file(name: string, text: string, size = text.length): FileLike {
  return { name, size, text: () => Promise.resolve(text) };
}

describe('reading an imported scenario file', () => {
  it('takes a valid scenario, defaults filling what the file leaves out', async () => {
    const r = await readScenarioFile(file('good.json', '{"version":1,"params":{"blockHours":5}}'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.message).toBe('Imported “good.json”.');
    expect(r.scenario.params.blockHours).toBe(5);
    expect(r.scenario.weeks).toBe(defaultScenario().weeks);
  });

  it('carries the guardrail thresholds set, out and back in', async () => {
    const s = defaultScenario();
    expect(JSON.parse(scenarioFileText(s))).not.toHaveProperty('thresholds');
    const text = scenarioFileText(s, { belowFloorHoursShare: 0.2 });
    expect(JSON.parse(text).thresholds).toEqual({ belowFloorHoursShare: 0.2 });
    const r = await readScenarioFile(file('t.json', text));
    expect(r.ok && r.thresholds).toEqual({ belowFloorHoursShare: 0.2 });
    expect(r.ok && r.scenario).toEqual(s);
    const plain = await readScenarioFile(file('p.json', scenarioFileText(s)));
    expect(plain.ok && plain.thresholds).toBeUndefined();
  });

  it('carries a fit out and back in; a bad fit is dropped and named, the rest imported', async () => {
    const fit = { constants: [{ id: 'hoursWanted', value: 7, logSe: 0.08 }] };
    const s = { ...defaultScenario(), fit };
    const r = await readScenarioFile(file('fit.json', scenarioFileText(s)));
    expect(r.ok && r.scenario.fit).toEqual(fit);
    expect(r.message).toContain('It carries a fit of 1 constant(s)');
    const text = JSON.stringify({ params: { blockHours: 5 }, fit: { constants: [{ id: 'x' }] } });
    const bad = await readScenarioFile(file('badfit.json', text));
    expect(bad.ok && bad.scenario.params.blockHours).toBe(5);
    expect(bad.ok && bad.scenario.fit).toBeUndefined();
    expect(bad.message).toMatch(
      /Imported “badfit\.json”\. Its fit was dropped: "fit": constant 1's "id"/,
    );
  });

  it('refuses text that is not JSON, naming the file and the parser’s reason', async () => {
    const r = await readScenarioFile(file('garbage.json', 'payPerHour = 30'));
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^“garbage\.json” was not imported: it is not JSON \(.+\)\.$/);
  });

  it('refuses a scenario out of range or with unknown keys with the checker’s message', async () => {
    const range = await readScenarioFile(
      file('r.json', '{"version":1,"params":{"payPerHour":500}}'),
    );
    expect(range.ok).toBe(false);
    expect(range.message).toMatch(/^“r\.json” was not imported: .*payPerHour.*500.*10 to 60.*\.$/);
    const extra = await readScenarioFile(file('x.json', '{"version":1,"sede":3}'));
    expect(extra.message).toContain('unknown key "sede"');
  });

  it('refuses a file larger than a scenario file can be without reading it', async () => {
    let read = false;
    const big: FileLike = {
      name: 'big.json',
      size: MAX_FILE_BYTES + 1024,
      text: () => {
        read = true;
        return Promise.resolve('{}');
      },
    };
    const r = await readScenarioFile(big);
    expect(r.ok).toBe(false);
    expect(r.message).toBe(
      '“big.json” was not imported: it is 257 KB, larger than a scenario file can be.',
    );
    expect(read).toBe(false);
  });
});

describe('the exported scenario file', () => {
  it('is the file form as indented JSON ending in a newline, and reads back as the scenario', () => {
    const s = { ...defaultScenario(), seed: 4 };
    s.params = { ...s.params, payPerHour: 25 };
    const text = scenarioFileText(s);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "seed": 4,');
    expect(JSON.parse(text)).toEqual({
      version: 1,
      seed: 4,
      weeks: 26,
      replications: 16,
      params: { payPerHour: 25 },
    });
    expect(parseScenario(JSON.parse(text))).toEqual({ ok: true, value: s });
  });
});
