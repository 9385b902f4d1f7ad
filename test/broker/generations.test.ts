// Reload generations without HTTP: a request keeps the generation it started under whatever reloads happen
// meanwhile, and a retired generation is closed (its secret backends stopped) only once its last request has
// left, never while one still uses it.
import { describe, expect, it } from '@jest/globals';
import { Generations } from '../../src/broker/http/generations.js';

/** A generation's value stands for a loaded configuration; `closed` records which were closed, in order. */
function bed() {
  const closed: string[] = [];
  const generations = new Generations<{ name: string }>({ name: 'first' }, async (g) => {
    closed.push(g.name);
  });
  return { generations, closed };
}
const settle = () => new Promise((r) => setImmediate(r));

describe('Generations', () => {
  it('a reload while a request is in flight: the request keeps its generation, new requests get the new one', async () => {
    const { generations, closed } = bed();
    const inFlight = generations.enter();
    generations.swap({ name: 'second' });
    expect(inFlight.value.name).toBe('first');
    expect(generations.current.name).toBe('second');
    const next = generations.enter();
    expect(next.value.name).toBe('second');
    generations.leave(next);
    await settle();
    expect(closed).toEqual([]);
    generations.leave(inFlight);
    await settle();
    expect(closed).toEqual(['first']);
  });

  it('the retired generation is closed only after its last request leaves', async () => {
    const { generations, closed } = bed();
    const a = generations.enter();
    const b = generations.enter();
    generations.swap({ name: 'second' });
    generations.leave(a);
    await settle();
    expect(closed).toEqual([]);
    generations.leave(b);
    await settle();
    expect(closed).toEqual(['first']);
  });

  it('a generation no request holds is closed at the reload, and the serving one is not', async () => {
    const { generations, closed } = bed();
    generations.leave(generations.enter());
    generations.swap({ name: 'second' });
    await settle();
    expect(closed).toEqual(['first']);
    expect(generations.current.name).toBe('second');
  });

  it('several reloads during one long request: each generation closes when its own requests are done', async () => {
    const { generations, closed } = bed();
    const long = generations.enter();
    generations.swap({ name: 'second' });
    const mid = generations.enter();
    generations.swap({ name: 'third' });
    await settle();
    expect(closed).toEqual([]);
    generations.leave(mid);
    await settle();
    expect(closed).toEqual(['second']);
    generations.leave(long);
    await settle();
    expect(closed).toEqual(['second', 'first']);
  });

  it('shutdown closes the serving generation and every retired one still waiting for its requests', async () => {
    const { generations, closed } = bed();
    generations.enter();
    generations.swap({ name: 'second' });
    await generations.closeAll();
    expect(closed.sort()).toEqual(['first', 'second']);
  });
});
