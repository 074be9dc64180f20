import { useSeedServer } from '../support/seed-server';

const { run } = useSeedServer();

describe('node', () => {
  it('returns any node by id through the GraphNode interface', async () => {
    const { data, errors } = await run(`{
      node(id: "principle:culture-emerges-from-structure") {
        __typename id kind slug label degree
        ... on Principle { name statement concepts { id } roles { id } essays { id } }
      }
    }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      node: {
        __typename: 'Principle',
        id: 'principle:culture-emerges-from-structure',
        kind: 'PRINCIPLE',
        slug: 'culture-emerges-from-structure',
        label: 'Culture Emerges from Structure',
        degree: 7,
        name: 'Culture Emerges from Structure',
        statement: 'Culture cannot be installed directly; it grows out of how an organization is built.',
        concepts: [{ id: 'concept:culture' }, { id: 'concept:structure' }],
        roles: [{ id: 'role:ctpo' }, { id: 'role:engineering-leader' }],
        essays: [{ id: 'essay:engineer-to-ctpo' }],
      },
    });
  });

  it('is null for an id nobody has, or one that is not an id at all', async () => {
    const { data, errors } = await run(`{ a: node(id: "role:astronaut") { id } b: node(id: "nonsense") { id } }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ a: null, b: null });
  });
});

describe('typed edges at both ends', () => {
  it('walks the career path forwards and backwards', async () => {
    const { data } = await run(`{
      role(slug: "engineer") { name growsFrom { id } growsInto { name growsInto { name growsInto { name } } } }
      ctpo: role(slug: "ctpo") { growsFrom { growsFrom { name } } }
    }`);
    expect(data).toEqual({
      role: {
        name: 'Engineer',
        growsFrom: [],
        growsInto: [{ name: 'Engineering Leader', growsInto: [{ name: 'CTPO', growsInto: [] }] }],
      },
      ctpo: { growsFrom: [{ growsFrom: [{ name: 'Engineer' }] }] },
    });
  });

  it('says what a CTPO needs and what each capability prevents', async () => {
    const { data } = await run(`{
      role(slug: "ctpo") { requires { id prevents { id category } requiredBy { id } } }
    }`);
    expect(data).toEqual({
      role: {
        requires: [
          {
            id: 'concept:business-acumen',
            prevents: [{ id: 'concept:building-things-that-dont-matter', category: 'risk' }],
            requiredBy: [{ id: 'role:ctpo' }],
          },
          {
            id: 'concept:product-thinking',
            prevents: [{ id: 'concept:building-the-wrong-things', category: 'risk' }],
            requiredBy: [{ id: 'role:ctpo' }],
          },
          {
            id: 'concept:technical-depth',
            prevents: [{ id: 'concept:promises-you-cant-keep', category: 'risk' }],
            requiredBy: [{ id: 'role:ctpo' }, { id: 'role:engineer' }, { id: 'role:engineering-leader' }],
          },
        ],
      },
    });
  });

  it('finds what pulls against technical excellence in either direction, with the edge spelled out', async () => {
    const { data } = await run(`{
      concept(slug: "shipping") { inTensionWith { id } }
      node(id: "concept:technical-excellence") {
        edges(types: [IN_TENSION_WITH, PREVENTS]) { type source target forward weight origin note node { id } }
      }
    }`);
    expect(data).toEqual({
      concept: { inTensionWith: [{ id: 'concept:technical-excellence' }, { id: 'principle:technical-excellence-as-a-value' }] },
      node: {
        edges: [
          {
            type: 'PREVENTS',
            source: 'concept:technical-excellence',
            target: 'concept:quality-degradation',
            forward: true,
            weight: 1,
            origin: 'ASSERTED',
            note: 'Too little focus on excellence and quality slides.',
            node: { id: 'concept:quality-degradation' },
          },
          {
            type: 'IN_TENSION_WITH',
            source: 'concept:technical-excellence',
            target: 'concept:shipping',
            forward: true,
            weight: 1,
            origin: 'ASSERTED',
            note: 'Too much focus on excellence and teams never ship.',
            node: { id: 'concept:shipping' },
          },
        ],
      },
    });
  });

  it('lists the author’s path in order with the role held at each step', async () => {
    const { data } = await run(`{
      person(slug: "the-author") { name essays { id } career { order as organization { name people { id } } } }
    }`);
    expect(data).toEqual({
      person: {
        name: 'The author',
        essays: [{ id: 'essay:engineer-to-ctpo' }],
        career: [
          { order: 1, as: 'Engineer', organization: { name: 'Autodesk', people: [{ id: 'person:the-author' }] } },
          { order: 2, as: 'Engineer', organization: { name: 'Kore.ai', people: [{ id: 'person:the-author' }] } },
          { order: 3, as: 'Leader of engineering and product', organization: { name: 'Fynd', people: [{ id: 'person:the-author' }] } },
        ],
      },
    });
  });

  it('links the main essay to both related essays in either direction', async () => {
    const { data } = await run(`{
      essay(slug: "engineer-to-ctpo") { relatedEssays { id } authors { id } }
      other: essay(slug: "ai-first-org-design") { relatedEssays { id } concepts { id } }
    }`);
    expect(data).toEqual({
      essay: {
        relatedEssays: [{ id: 'essay:ai-first-org-design' }, { id: 'essay:new-ai-ways-of-working' }],
        authors: [{ id: 'person:the-author' }],
      },
      other: { relatedEssays: [{ id: 'essay:engineer-to-ctpo' }], concepts: [{ id: 'concept:org-design' }] },
    });
  });
});

describe('lists', () => {
  it('pages through essays in slug order with opaque cursors', async () => {
    const first = await run(`{ essays(first: 2) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`);
    const page1 = first.data!.essays as { pageInfo: { endCursor: string } };
    expect(first.data).toEqual({
      essays: {
        totalCount: 3,
        nodes: [{ id: 'essay:ai-first-org-design' }, { id: 'essay:engineer-to-ctpo' }],
        pageInfo: { hasNextPage: true, endCursor: expect.any(String) },
      },
    });
    // The count comes with the page, in the same read.
    expect(first.roundTrips).toBe(1);
    const second = await run(`query($after: String) { essays(first: 2, after: $after) { nodes { id } pageInfo { hasNextPage } } }`, {
      after: page1.pageInfo.endCursor,
    });
    expect(second.data).toEqual({
      essays: { nodes: [{ id: 'essay:new-ai-ways-of-working' }], pageInfo: { hasNextPage: false } },
    });
  });

  it('filters by linked nodes and by property', async () => {
    const { data } = await run(`{
      principles(filter: { role: "role:engineer" }) { totalCount nodes { id } }
      concepts(filter: { category: "risk" }) { nodes { id } }
      essays(filter: { role: "role:product-team" }) { nodes { id } }
      roles(filter: { requires: "concept:team-contracts" }) { nodes { id } }
    }`);
    expect(data).toEqual({
      principles: {
        totalCount: 3,
        nodes: [{ id: 'principle:technical-depth-compounds' }, { id: 'principle:technical-excellence-as-a-value' }, { id: 'principle:the-journey-never-ends' }],
      },
      concepts: {
        nodes: [
          { id: 'concept:building-the-wrong-things' },
          { id: 'concept:building-things-that-dont-matter' },
          { id: 'concept:promises-you-cant-keep' },
          { id: 'concept:quality-degradation' },
        ],
      },
      essays: { nodes: [{ id: 'essay:engineer-to-ctpo' }, { id: 'essay:new-ai-ways-of-working' }] },
      roles: { nodes: [{ id: 'role:platform-team' }, { id: 'role:product-team' }] },
    });
  });
});

describe('search', () => {
  it('finds nodes by label, statement and alias, best first, with a score', async () => {
    const { data, errors } = await run(`{
      culture: search(query: "culture", kinds: [PRINCIPLE, CONCEPT], first: 3) { node { id } score }
      alias: search(query: "chief technology", first: 1) { node { id } }
      prefix: search(query: "acum") { node { id } }
    }`);
    expect(errors).toBeUndefined();
    const culture = data!.culture as { node: { id: string }; score: number }[];
    expect(culture.map((hit) => hit.node.id)).toEqual(['principle:culture-emerges-from-structure', 'concept:culture', 'concept:cultural-fit']);
    expect(culture[0]!.score).toBeGreaterThan(culture[2]!.score);
    expect(data!.alias).toEqual([{ node: { id: 'role:ctpo' } }]);
    expect(data!.prefix).toEqual([{ node: { id: 'concept:business-acumen' } }]);
  });

  it('reads query syntax as plain words instead of failing', async () => {
    const { data, errors } = await run(`{ search(query: "culture) AND title:(", kinds: [CONCEPT], first: 1) { node { id } } }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ search: [{ node: { id: 'concept:culture' } }] });
  });
});

describe('errors', () => {
  it.each([
    ['essays(first: 101) { nodes { id } }', 'first', 'BAD_USER_INPUT', null],
    ['essays(first: 0) { nodes { id } }', 'first', 'BAD_USER_INPUT', null],
    ['essays(after: "bm90LWEtY3Vyc29y") { nodes { id } }', 'after', 'BAD_USER_INPUT', null],
    ['essay(slug: "Not A Slug") { id }', 'slug', 'BAD_USER_INPUT', { essay: null }],
    ['essays(filter: { principle: "role:ctpo" }) { nodes { id } }', 'filter.principle', 'BAD_USER_INPUT', null],
    ['essays(filter: { principle: "oops" }) { nodes { id } }', 'filter.principle', 'BAD_USER_INPUT', null],
    ['essays(filter: { principle: "principle:no-such-thing" }) { nodes { id } }', 'filter.principle', 'NOT_FOUND', null],
    ['search(query: "") { score }', 'query', 'BAD_USER_INPUT', null],
    ['search(query: "((( )))") { score }', 'query', 'BAD_USER_INPUT', null],
    ['search(query: "x", first: 51) { score }', 'first', 'BAD_USER_INPUT', null],
    ['role(slug: "ctpo") { requires(first: 1000) { id } }', 'first', 'BAD_USER_INPUT', { role: null }],
  ])('%s fails with a code naming %s', async (selection, field, code, expected) => {
    const { data, errors } = await run(`{ ${selection} }`);
    // A non-null field's error nulls the whole answer; a nullable one's nulls only that field.
    expect(data).toEqual(expected);
    expect(errors).toHaveLength(1);
    expect(errors![0]!.extensions).toMatchObject({ code, field });
    expect(errors![0]!.message).not.toMatch(/MATCH|RETURN|at .*\.ts/);
  });
});
