import { describe, expect, it } from 'vitest';
import { fromStoredOutbox, type OutboxEntry, toStoredOutbox } from '../src/outbox/outbox-entry';

const entry: OutboxEntry = {
  to: 'U1',
  batches: [
    { messages: [{ type: 'text', text: 'บันทึกแล้ว' }] },
    {
      messages: [
        {
          type: 'flex',
          altText: 'สรุป',
          contents: { type: 'bubble', body: { type: 'box', layout: 'vertical', contents: [] } },
        },
      ],
    },
  ],
  tasks: [{ type: 'push', to: 'U2', messages: [{ type: 'text', text: 'มีรายงานรออนุมัติ' }], retryKey: 'k' }],
  delivered: false,
};

describe('the outbox entry as stored on the processed-event record', () => {
  it('keeps who and whether as fields (the sweeper queries them) and what it sends as one string', () => {
    const stored = toStoredOutbox(entry);
    expect(stored.to).toBe('U1');
    expect(stored.delivered).toBe(false);
    expect(typeof stored.sends).toBe('string');
    expect(Object.keys(stored).sort()).toEqual(['delivered', 'sends', 'to']);
  });

  it('reads back exactly the batches and tasks written', () => {
    expect(fromStoredOutbox(toStoredOutbox(entry))).toEqual(entry);
  });

  it('drops undefined fields as Firestore would refuse them, and keeps dates as their ISO text', () => {
    const at = new Date('2026-12-08T01:00:00Z');
    const odd = {
      ...entry,
      tasks: [{ type: 'push', to: 'U2', messages: [], retryKey: undefined, at }],
    } as unknown as OutboxEntry;
    const back = fromStoredOutbox(toStoredOutbox(odd));
    expect(back?.tasks[0]).toEqual({ type: 'push', to: 'U2', messages: [], at: '2026-12-08T01:00:00.000Z' });
    expect(back?.tasks[0]).not.toHaveProperty('retryKey');
  });

  it('still reads an entry written before the compact form (batches and tasks as maps)', () => {
    const old = { to: 'U1', batches: entry.batches, tasks: entry.tasks, delivered: false };
    expect(fromStoredOutbox(old)).toEqual(entry);
  });

  it('has nothing to deliver once marked delivered, or where no entry is', () => {
    expect(fromStoredOutbox({ delivered: true, via: 'reply' })).toBeUndefined();
    expect(fromStoredOutbox(undefined)).toBeUndefined();
    expect(fromStoredOutbox(null)).toBeUndefined();
  });
});
