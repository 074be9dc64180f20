import { EdgeType } from '../src/domain/edge-type';

/*
 * The demo graph, drawn from the essay in shared/source/engineer-to-ctpo.txt and the two related
 * essays it lists. Titles, names and facts carry over; every summary, statement and description
 * here is written fresh. The source names no author, no date and no URL, so none is given.
 */

export interface SeedNode {
  readonly id: string;
  readonly [property: string]: unknown;
}

export interface SeedEdge {
  readonly type: EdgeType;
  readonly from: string;
  readonly to: string;
  readonly weight?: number;
  readonly note?: string;
  readonly as?: string;
  readonly order?: number;
}

export const essays: SeedNode[] = [
  {
    id: 'essay:engineer-to-ctpo',
    title: 'From Engineer to CTPO',
    summary:
      'A first-hand account of moving from individual engineering work to running technology and ' +
      'product together: what technical depth buys you and where it stops, how the goals you ' +
      'optimize for change, how culture follows from structure and decisions, how to grow ' +
      'teams through systems rather than effort, and what the combined CTPO role asks for.',
    sections: [
      'The Technical Foundation',
      'The Leadership Shift',
      'Building Engineering Culture',
      'Scaling Teams',
      'The CTPO Role',
      "What I've Learned",
      'The Hard Truth',
    ],
  },
  {
    id: 'essay:new-ai-ways-of-working',
    title: 'New AI Ways of Working: 10 Principles for Product Engineering Teams',
    summary:
      'Sets out ten principles for product engineering teams whose daily work is being reshaped ' +
      'by AI, covering how they build, who owns what, and how they work together.',
    sections: [],
  },
  {
    id: 'essay:ai-first-org-design',
    title: 'Why AI-First Org Design Is Not About Tools',
    summary:
      'Argues that AI transformations tend to fail when the design of the organization is left ' +
      'untouched, and looks at what an AI-first organization that works is built from.',
    sections: [],
  },
];

export const principles: SeedNode[] = [
  {
    id: 'principle:technical-depth-compounds',
    name: 'Technical Depth Compounds',
    statement: 'Each layer of real technical understanding makes every later decision better.',
    description:
      'Depth earns a leader credibility and sharper judgement, and its returns grow over a ' +
      'career; yet on its own it never suffices, and has to be joined by leadership, product ' +
      'sense and commercial understanding.',
    aliases: ['depth compounds'],
  },
  {
    id: 'principle:culture-emerges-from-structure',
    name: 'Culture Emerges from Structure',
    statement: 'Culture cannot be installed directly; it grows out of how an organization is built.',
    description:
      'What people actually do follows from the way decisions get made, which behaviour is ' +
      'rewarded and how teams are arranged, so a leader shapes culture by shaping those.',
    aliases: ['structure shapes culture'],
  },
  {
    id: 'principle:scaling-requires-systems',
    name: 'Scaling Requires Systems',
    statement: 'An organization grows through repeatable systems, not through harder work.',
    description:
      'Hiring, team structure and people growth each need a deliberate system behind them; ' +
      'adding headcount or effort without one does not make teams more effective.',
    aliases: ['systems over effort'],
  },
  {
    id: 'principle:leadership-is-about-outcomes',
    name: 'Leadership Is About Outcomes',
    statement: 'A leader is judged by results, not by output or busyness.',
    description:
      'The questions that matter are whether teams deliver, whether their people develop and ' +
      'whether the work moves the business; volume of activity answers none of them.',
    aliases: ['outcomes over outputs'],
  },
  {
    id: 'principle:the-journey-never-ends',
    name: 'The Journey Never Ends',
    statement: 'There is no final stage: people and organizations keep learning or fall behind.',
    description: 'Growth as a leader has no finish line, and the organizations that last are the ones ' + 'that keep changing how they work.',
    aliases: ['keep evolving'],
  },
  {
    id: 'principle:technical-excellence-as-a-value',
    name: 'Technical Excellence as a Value',
    statement: 'Treat engineering quality as something the team values, not a target it visits.',
    description:
      'Held as a value, excellence steers everyday choices toward quality, sound architecture ' +
      'and the long view; it must sit beside delivery, learning and teamwork, because too much ' +
      'of it stalls shipping and too little lets quality slide.',
    aliases: ['engineering excellence'],
  },
  {
    id: 'principle:clear-technical-direction',
    name: 'Clear Technical Direction',
    statement: 'Teams move well only when they know both where they are heading and how to build.',
    description:
      'Technical leadership supplies a vision with its reasons, a shared bar for good work, ' +
      'decisions on technologies and patterns, and the willingness to revise them as the ' +
      'organization learns and grows.',
    aliases: ['technical vision'],
  },
  {
    id: 'principle:autonomy-within-boundaries',
    name: 'Autonomy Within Boundaries',
    statement: 'Give teams freedom to decide inside clearly drawn limits.',
    description:
      'Speed comes from letting teams choose for themselves; consistency and quality come from ' +
      'explicit architectural, quality and process limits. Draw the limits clearly and leave ' +
      'the rest to the team.',
    aliases: ['bounded autonomy'],
  },
];

export const roles: SeedNode[] = [
  {
    id: 'role:engineer',
    name: 'Engineer',
    description: 'Builds software hands-on and is measured by the quality of what they build.',
    aliases: ['software engineer', 'developer'],
  },
  {
    id: 'role:engineering-leader',
    name: 'Engineering Leader',
    description: 'Leads engineers and answers for what the team and the organization achieve, not for ' + 'their own code.',
    aliases: ['engineering manager', 'technical leader'],
  },
  {
    id: 'role:ctpo',
    name: 'CTPO',
    description: 'Runs technology and product as one, where engineering, product and business decisions ' + 'meet.',
    aliases: ['Chief Technology and Product Officer'],
  },
  {
    id: 'role:platform-team',
    name: 'Platform Team',
    description: 'A team that builds the shared platform other teams build on.',
    aliases: [],
  },
  {
    id: 'role:product-team',
    name: 'Product Team',
    description: 'A team that builds the product its users see.',
    aliases: ['product engineering team'],
  },
];

function concept(slug: string, name: string, category: string, description: string): SeedNode {
  return { id: `concept:${slug}`, name, category, description, aliases: [] };
}

export const concepts: SeedNode[] = [
  concept('technical-depth', 'Technical Depth', 'capability', 'A deep grasp of how technology works and why it behaves as it does.'),
  concept('product-thinking', 'Product Thinking', 'capability', 'Understanding users and markets well enough to know what is worth building.'),
  concept('business-acumen', 'Business Acumen', 'capability', 'Knowing how technology choices turn into business results.'),
  concept('leadership', 'Leadership', 'capability', 'Getting results through other people and the organization around them.'),
  concept('culture', 'Culture', 'outcome', 'How people in an organization actually behave and decide, day to day.'),
  concept('structure', 'Structure', 'practice', 'How teams, processes and incentives are arranged; the lever behind culture.'),
  concept('credibility', 'Credibility', 'outcome', 'The trust engineers give a leader who understands their work.'),
  concept('code-quality', 'Code Quality', 'value', 'Code that is correct, readable and easy to change.'),
  concept('system-performance', 'System Performance', 'value', 'Systems that are fast and efficient under load.'),
  concept('technical-elegance', 'Technical Elegance', 'value', 'Designs that solve a problem simply and cleanly.'),
  concept('team-outcomes', 'Team Outcomes', 'outcome', 'What a team as a whole delivers and achieves.'),
  concept('organizational-effectiveness', 'Organizational Effectiveness', 'outcome', 'How well the organization as a whole turns effort into results.'),
  concept('business-impact', 'Business Impact', 'outcome', 'The difference the work makes to the business.'),
  concept('technical-excellence', 'Technical Excellence', 'value', 'A standing commitment to quality, architecture and long-term thinking.'),
  concept('shipping', 'Shipping', 'value', 'Putting working value in front of users, regularly.'),
  concept('learning', 'Learning', 'value', 'Experimenting and iterating to get better.'),
  concept('collaboration', 'Collaboration', 'value', 'People and teams working well together.'),
  concept('ownership', 'Ownership', 'value', 'Who answers for a piece of work and its results.'),
  concept('quality-degradation', 'Quality Degradation', 'risk', 'Quality slipping because too little weight is given to excellence.'),
  concept('building-the-wrong-things', 'Building the Wrong Things', 'risk', 'Sound engineering spent on something users do not need.'),
  concept('building-things-that-dont-matter', "Building Things That Don't Matter", 'risk', 'Products that users like but that do not move the business.'),
  concept('promises-you-cant-keep', "Promises You Can't Keep", 'risk', 'Commitments made without the technical grounding to deliver them.'),
  concept('technical-vision', 'Technical Vision', 'practice', 'Saying where the technology is going and why.'),
  concept('technical-standards', 'Technical Standards', 'practice', 'A shared definition of what good work looks like.'),
  concept('autonomy', 'Autonomy', 'value', 'Teams deciding for themselves so they can move fast.'),
  concept('boundaries', 'Boundaries', 'boundary', 'Explicit limits that keep autonomous teams consistent.'),
  concept('architectural-boundaries', 'Architectural Boundaries', 'boundary', 'Which patterns to use and which to avoid.'),
  concept('quality-boundaries', 'Quality Boundaries', 'boundary', 'Which standards every team keeps.'),
  concept('process-boundaries', 'Process Boundaries', 'boundary', 'Which processes every team follows.'),
  concept('team-contracts', 'Team Contracts', 'boundary', 'Agreed interfaces and responsibilities between teams, such as platform and product teams.'),
  concept('systems', 'Systems', 'practice', 'Repeatable mechanisms that let teams work well at scale.'),
  concept('hiring', 'Hiring', 'practice', 'Choosing who joins; the most consequential thing a leader does.'),
  concept('growth', 'Growth', 'practice', 'People becoming better engineers, leaders and contributors, not only getting promoted.'),
  concept('career-paths', 'Career Paths', 'practice', 'Clear routes for advancement.'),
  concept('learning-opportunities', 'Learning Opportunities', 'practice', 'Chances to pick up new skills.'),
  concept('challenging-work', 'Challenging Work', 'practice', 'Problems that stretch what people can do.'),
  concept('cultural-fit', 'Cultural Fit', 'practice', 'Whether a candidate will thrive in the culture as it is.'),
  concept('growth-potential', 'Growth Potential', 'practice', 'Whether a candidate can grow as the organization grows.'),
  concept('org-design', 'Org Design', 'practice', 'How an organization is shaped to do its work, including around AI.'),
];

export const people: SeedNode[] = [{ id: 'person:the-author', name: 'The author' }];

export const organizations: SeedNode[] = [
  { id: 'organization:autodesk', name: 'Autodesk' },
  { id: 'organization:kore-ai', name: 'Kore.ai' },
  { id: 'organization:fynd', name: 'Fynd' },
];

const {
  ARTICULATES,
  DISCUSSES,
  ADDRESSES,
  RELATES_TO,
  AUTHORED_BY,
  ABOUT,
  SUPPORTS,
  IN_TENSION_WITH,
  LEADS_TO,
  PREVENTS,
  APPLIES_TO,
  OPTIMIZES_FOR,
  REQUIRES,
  GROWS_INTO,
  PART_OF,
  WORKED_AT,
} = EdgeType;

const MAIN = 'essay:engineer-to-ctpo';
const each = (type: EdgeType, from: string, targets: string[], weight?: number): SeedEdge[] =>
  targets.map((to) => ({ type, from, to, ...(weight === undefined ? {} : { weight }) }));

export const edges: SeedEdge[] = [
  // The career path the essay traces.
  { type: GROWS_INTO, from: 'role:engineer', to: 'role:engineering-leader', note: 'The first shift: from building to leading.' },
  { type: GROWS_INTO, from: 'role:engineering-leader', to: 'role:ctpo', note: 'Leadership widened to product and business.' },
  ...each(OPTIMIZES_FOR, 'role:engineer', ['concept:code-quality', 'concept:system-performance', 'concept:technical-elegance']),
  ...each(OPTIMIZES_FOR, 'role:engineering-leader', ['concept:team-outcomes', 'concept:organizational-effectiveness', 'concept:business-impact']),
  ...each(REQUIRES, 'role:engineer', ['concept:technical-depth']),
  ...each(REQUIRES, 'role:engineering-leader', ['concept:technical-depth', 'concept:leadership']),
  ...each(REQUIRES, 'role:ctpo', ['concept:technical-depth', 'concept:product-thinking', 'concept:business-acumen']),
  ...each(REQUIRES, 'role:platform-team', ['concept:team-contracts']),
  ...each(REQUIRES, 'role:product-team', ['concept:team-contracts']),

  // What each capability guards against, and what pulls against what.
  {
    type: PREVENTS,
    from: 'concept:product-thinking',
    to: 'concept:building-the-wrong-things',
    note: 'Depth without product thinking builds the wrong things.',
  },
  {
    type: PREVENTS,
    from: 'concept:business-acumen',
    to: 'concept:building-things-that-dont-matter',
    note: 'Product thinking without business sense builds what does not matter.',
  },
  {
    type: PREVENTS,
    from: 'concept:technical-depth',
    to: 'concept:promises-you-cant-keep',
    note: 'Business sense without depth promises what cannot be delivered.',
  },
  { type: PREVENTS, from: 'concept:technical-excellence', to: 'concept:quality-degradation', note: 'Too little focus on excellence and quality slides.' },
  { type: IN_TENSION_WITH, from: 'concept:technical-excellence', to: 'concept:shipping', note: 'Too much focus on excellence and teams never ship.' },
  { type: IN_TENSION_WITH, from: 'concept:autonomy', to: 'concept:boundaries', note: 'Freedom to move fast against limits that keep consistency.' },
  {
    type: IN_TENSION_WITH,
    from: 'principle:technical-excellence-as-a-value',
    to: 'concept:shipping',
    weight: 0.8,
    note: 'Excellence has to be balanced with delivery.',
  },
  { type: LEADS_TO, from: 'concept:structure', to: 'concept:culture', note: 'Culture grows out of structure, decisions and incentives.' },
  { type: LEADS_TO, from: 'concept:technical-depth', to: 'concept:credibility', note: 'Depth is what makes a technical leader credible.' },
  { type: LEADS_TO, from: 'principle:culture-emerges-from-structure', to: 'concept:culture' },
  { type: LEADS_TO, from: 'principle:technical-depth-compounds', to: 'concept:credibility', weight: 0.7 },

  // Broader and narrower concepts.
  ...each(PART_OF, 'concept:hiring', ['concept:systems']),
  ...each(PART_OF, 'concept:structure', ['concept:systems']),
  ...each(PART_OF, 'concept:growth', ['concept:systems']),
  ...['concept:career-paths', 'concept:learning-opportunities', 'concept:challenging-work'].map((from): SeedEdge => ({
    type: PART_OF,
    from,
    to: 'concept:growth',
  })),
  ...['concept:cultural-fit', 'concept:growth-potential', 'concept:collaboration'].map((from): SeedEdge => ({
    type: PART_OF,
    from,
    to: 'concept:hiring',
    weight: 0.6,
    note: 'A hiring criterion beyond technical skill.',
  })),
  ...['concept:architectural-boundaries', 'concept:quality-boundaries', 'concept:process-boundaries', 'concept:team-contracts'].map((from): SeedEdge => ({
    type: PART_OF,
    from,
    to: 'concept:boundaries',
  })),
  ...each(PART_OF, 'concept:org-design', ['concept:structure'], 0.8),

  // The principles: what they are about, how they reinforce each other, whom they guide.
  ...each(ABOUT, 'principle:technical-depth-compounds', [
    'concept:technical-depth',
    'concept:product-thinking',
    'concept:business-acumen',
    'concept:leadership',
  ]),
  ...each(ABOUT, 'principle:culture-emerges-from-structure', ['concept:culture', 'concept:structure']),
  ...each(ABOUT, 'principle:scaling-requires-systems', ['concept:systems', 'concept:hiring', 'concept:structure', 'concept:growth']),
  ...each(ABOUT, 'principle:leadership-is-about-outcomes', ['concept:team-outcomes', 'concept:business-impact', 'concept:leadership']),
  ...each(ABOUT, 'principle:the-journey-never-ends', ['concept:learning', 'concept:growth']),
  ...each(ABOUT, 'principle:technical-excellence-as-a-value', [
    'concept:technical-excellence',
    'concept:culture',
    'concept:shipping',
    'concept:learning',
    'concept:collaboration',
  ]),
  ...each(ABOUT, 'principle:clear-technical-direction', ['concept:technical-vision', 'concept:technical-standards']),
  ...each(ABOUT, 'principle:autonomy-within-boundaries', ['concept:autonomy', 'concept:boundaries']),
  {
    type: SUPPORTS,
    from: 'principle:clear-technical-direction',
    to: 'principle:autonomy-within-boundaries',
    note: 'Direction and standards are what make the boundaries clear.',
  },
  {
    type: SUPPORTS,
    from: 'principle:technical-excellence-as-a-value',
    to: 'principle:culture-emerges-from-structure',
    weight: 0.7,
    note: 'Both are listed as what engineering culture at scale requires.',
  },
  { type: SUPPORTS, from: 'principle:autonomy-within-boundaries', to: 'principle:scaling-requires-systems', weight: 0.7 },
  {
    type: SUPPORTS,
    from: 'principle:technical-depth-compounds',
    to: 'principle:clear-technical-direction',
    weight: 0.7,
    note: 'Setting direction takes technical depth.',
  },
  {
    type: SUPPORTS,
    from: 'principle:the-journey-never-ends',
    to: 'principle:technical-depth-compounds',
    weight: 0.6,
    note: 'Depth compounds only while learning continues.',
  },
  ...each(APPLIES_TO, 'principle:technical-depth-compounds', ['role:engineer', 'role:engineering-leader', 'role:ctpo']),
  ...each(APPLIES_TO, 'principle:culture-emerges-from-structure', ['role:engineering-leader', 'role:ctpo']),
  ...each(APPLIES_TO, 'principle:scaling-requires-systems', ['role:engineering-leader', 'role:ctpo']),
  ...each(APPLIES_TO, 'principle:leadership-is-about-outcomes', ['role:engineering-leader', 'role:ctpo']),
  ...each(APPLIES_TO, 'principle:the-journey-never-ends', ['role:engineer', 'role:engineering-leader', 'role:ctpo']),
  ...each(APPLIES_TO, 'principle:technical-excellence-as-a-value', ['role:engineer', 'role:engineering-leader']),
  ...each(APPLIES_TO, 'principle:clear-technical-direction', ['role:engineering-leader', 'role:ctpo']),
  ...each(APPLIES_TO, 'principle:autonomy-within-boundaries', ['role:engineering-leader', 'role:platform-team', 'role:product-team']),

  // The main essay.
  ...each(
    ARTICULATES,
    MAIN,
    principles.map((principle) => principle.id),
  ),
  ...each(DISCUSSES, MAIN, [
    'concept:technical-depth',
    'concept:product-thinking',
    'concept:business-acumen',
    'concept:leadership',
    'concept:culture',
    'concept:structure',
    'concept:technical-excellence',
    'concept:autonomy',
    'concept:boundaries',
    'concept:systems',
    'concept:hiring',
    'concept:growth',
  ]),
  ...each(ADDRESSES, MAIN, ['role:engineer', 'role:engineering-leader', 'role:ctpo']),
  ...each(ADDRESSES, MAIN, ['role:platform-team', 'role:product-team'], 0.4),
  { type: AUTHORED_BY, from: MAIN, to: 'person:the-author' },
  { type: RELATES_TO, from: MAIN, to: 'essay:new-ai-ways-of-working', note: 'Listed by the essay as a related thought.' },
  { type: RELATES_TO, from: MAIN, to: 'essay:ai-first-org-design', note: 'Listed by the essay as a related thought.' },

  // The related essays, only as far as their titles and one-line descriptions go.
  ...each(ADDRESSES, 'essay:new-ai-ways-of-working', ['role:product-team']),
  ...each(DISCUSSES, 'essay:new-ai-ways-of-working', ['concept:ownership', 'concept:collaboration']),
  ...each(DISCUSSES, 'essay:ai-first-org-design', ['concept:org-design']),

  // The author's path.
  { type: WORKED_AT, from: 'person:the-author', to: 'organization:autodesk', as: 'Engineer', order: 1 },
  { type: WORKED_AT, from: 'person:the-author', to: 'organization:kore-ai', as: 'Engineer', order: 2 },
  { type: WORKED_AT, from: 'person:the-author', to: 'organization:fynd', as: 'Leader of engineering and product', order: 3 },
];

export const nodes: SeedNode[] = [...essays, ...principles, ...roles, ...concepts, ...people, ...organizations];
