import { registerEnumType } from 'type-graphql';
import { EdgeOrigin, EdgeType, EDGE_RULES } from '../domain/edge-type';
import { NodeKind } from '../domain/node-kind';
import { Direction } from '../domain/repositories';

registerEnumType(NodeKind, {
  name: 'NodeKind',
  description: 'The kind of a node; also the first part of its id (`principle:...`).',
  valuesConfig: {
    ESSAY: { description: 'A piece of writing, with title, summary and sections.' },
    PRINCIPLE: { description: 'A one-sentence idea an essay states.' },
    ROLE: { description: 'A role people or teams hold, such as engineer or CTPO.' },
    CONCEPT: { description: 'A capability, outcome, value, practice, boundary or risk.' },
    PERSON: { description: 'A person, such as an essay’s author.' },
    ORGANIZATION: { description: 'A company a person worked at.' },
  },
});

registerEnumType(EdgeType, {
  name: 'EdgeType',
  description: 'The closed set of relationship types between nodes.',
  valuesConfig: Object.fromEntries(
    Object.entries(EDGE_RULES).map(([type, rule]) => [
      type,
      { description: `${rule.from.join(' or ')} ${rule.phrase} ${rule.to.join(' or ')}.` },
    ]),
  ),
});

registerEnumType(EdgeOrigin, {
  name: 'EdgeOrigin',
  description: 'Who set an edge.',
  valuesConfig: {
    ASSERTED: { description: 'An editor or the seed.' },
    INFERRED: { description: 'A rule, named in the edge’s note.' },
  },
});

registerEnumType(Direction, {
  name: 'Direction',
  description: 'Which way along an edge to walk.',
  valuesConfig: {
    OUTGOING: { description: 'From the edge’s source to its target.' },
    INCOMING: { description: 'From the edge’s target to its source.' },
    ANY: { description: 'Either way.' },
  },
});

export { Direction, EdgeOrigin, EdgeType, NodeKind };
