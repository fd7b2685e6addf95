import { describe, expect, it } from 'vitest';
import { ViewHash } from '../../../src/ui/app/view-hash';
import { decodeView, defaultView, type ViewState } from '../../../src/ui/app/view-state';

function view(hash: string): ViewState {
  const r = decodeView(hash);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('keeping the view and the URL’s hash in step', () => {
  it('reads a hash once, and not again until it changes', () => {
    const h = new ViewHash();
    expect(h.read('#payPerHour=30')).toEqual({ ok: true, value: view('#payPerHour=30') });
    expect(h.read('#payPerHour=30')).toBeUndefined();
    expect(h.read('#payPerHour=31')).toEqual({ ok: true, value: view('#payPerHour=31') });
  });

  it('writes a view only when it differs from the hash last read or written', () => {
    const h = new ViewHash();
    h.read('#payPerHour=30');
    expect(h.next(view('#payPerHour=30'))).toBeUndefined();
    expect(h.next(view('#payPerHour=31'))).toBe('#payPerHour=31');
    expect(h.next(view('#payPerHour=31'))).toBeUndefined();
    expect(h.read('#payPerHour=31')).toBeUndefined();
    expect(h.next(defaultView())).toBe('');
  });

  it('reads a hash in another spelling of the view it wrote once, then knows it', () => {
    const h = new ViewHash();
    expect(h.next(view('#payPerHour=30'))).toBe('#payPerHour=30');
    expect(h.read('#payPerHour=30.0')).toEqual({ ok: true, value: view('#payPerHour=30') });
    expect(h.read('#payPerHour=30')).toBeUndefined();
  });

  it('says why a link cannot be used, and leaves it until the view changes', () => {
    const h = new ViewHash();
    const r = h.read('#payPerHour=500');
    expect(r?.ok).toBe(false);
    h.keep(defaultView());
    expect(h.next(defaultView())).toBeUndefined();
    expect(h.read('#payPerHour=500')?.ok).toBe(false);
    expect(h.next(view('#payPerHour=30'))).toBe('#payPerHour=30');
  });
});
