import { useSeedServer } from '../support/seed-server';

const { run } = useSeedServer();

describe('batching', () => {
  it('answers essays → principles → roles with one round trip per level, not one per parent', async () => {
    const { data, errors, roundTrips } = await run(`{ essays(first: 10) { nodes { id principles { id roles { id } } } } }`);
    expect(errors).toBeUndefined();
    const essays = (data!.essays as { nodes: { principles: { roles: unknown[] }[] }[] }).nodes;
    const principles = essays.flatMap((essay) => essay.principles);
    expect(essays).toHaveLength(3);
    expect(principles).toHaveLength(8);
    expect(principles.flatMap((principle) => principle.roles)).toHaveLength(19);
    expect(roundTrips).toBe(3);
  });

  it('answers a single node with every list nested under it in one round trip, as the batched levels do', async () => {
    const selection = `id title degree principles { id label essays(first: 2) { id title } } roles { name }`;
    const one = await run(`{ essay(slug: "engineer-to-ctpo") { ${selection} } }`);
    const levels = await run(`{ essays(first: 10) { nodes { ${selection} } } }`);
    expect(one.errors).toBeUndefined();
    expect(one.roundTrips).toBe(1);
    // The list, then one batch per list field: principles and roles, then the principles' essays.
    expect(levels.roundTrips).toBe(4);
    const listed = (levels.data!.essays as { nodes: { id: string }[] }).nodes.find((essay) => essay.id === 'essay:engineer-to-ctpo');
    expect(one.data!.essay).toEqual(listed);
  });

  it('still refuses an out-of-bounds list under a single node, naming the argument', async () => {
    const { data, errors } = await run(`{ essay(slug: "engineer-to-ctpo") { principles(first: 101) { id } } }`);
    expect(data!.essay).toBeNull();
    expect(errors!.map((error) => [error.extensions?.code, error.extensions?.field])).toEqual([['BAD_USER_INPUT', 'first']]);
  });
});
