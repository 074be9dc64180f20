import { useSeedServer } from '../support/seed-server';

const { run } = useSeedServer();

describe('batching', () => {
  it('answers essays → principles → roles with one round trip per level, not one per parent', async () => {
    const { data, errors, roundTrips } = await run(`{ essays(first: 10) { nodes { id principles { id roles { id } } } } }`,
    );
    expect(errors).toBeUndefined();
    const essays = (data!.essays as { nodes: { principles: { roles: unknown[] }[] }[] }).nodes;
    const principles = essays.flatMap((essay) => essay.principles);
    expect(essays).toHaveLength(3);
    expect(principles).toHaveLength(8);
    expect(principles.flatMap((principle) => principle.roles)).toHaveLength(19);
    expect(roundTrips).toBe(3);
  });

  it('costs the same for a single parent as for many', async () => {
    const one = await run(`{ essay(slug: "engineer-to-ctpo") { principles { roles { id } } } }`,
    );
    expect(one.roundTrips).toBe(3);
  });
});
