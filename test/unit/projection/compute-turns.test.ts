import { ComputeTurns } from '../../../src/projection/compute-turns';

describe('ComputeTurns', () => {
  it('runs one computation per turn of the event loop, in the order they asked, with timers and I/O between', async () => {
    const turns = new ComputeTurns();
    const log: string[] = [];
    const compute = async (name: string) => {
      await turns.turn();
      log.push(name);
      // Another request's timer, due before this computation ends, fires before the next one.
      setTimeout(() => log.push(`after ${name}`), 0);
      const until = performance.now() + 3;
      while (performance.now() < until);
    };
    await Promise.all(['a', 'b', 'c'].map(compute));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(log).toEqual(['a', 'after a', 'b', 'after b', 'c', 'after c']);
    expect(turns.queued).toBe(0);
  });
});
