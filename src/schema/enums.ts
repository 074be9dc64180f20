import { registerEnumType } from 'type-graphql';
import { EdgeOrigin, EdgeType, EDGE_RULES } from '../domain/edge-type';
import { NodeKind } from '../domain/node-kind';
import { CentralityMetric } from '../analysis/centrality';
import { SimilaritySignal } from '../analysis/similar-to';
import { ReasonKind } from '../domain/relatedness';
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
    Object.entries(EDGE_RULES).map(([type, rule]) => [type, { description: `${rule.from.join(' or ')} ${rule.phrase} ${rule.to.join(' or ')}.` }]),
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

registerEnumType(ReasonKind, {
  name: 'ReasonKind',
  description: 'Why two nodes are related.',
  valuesConfig: {
    SHARED_PRINCIPLE: { description: 'Both link to the same principle.' },
    SHARED_CONCEPT: { description: 'Both link to the same concept.' },
    SHARED_ROLE: { description: 'Both link to the same role.' },
    SHARED_ESSAY: { description: 'One essay links both (for principles, concepts and roles).' },
    EDITOR_LINK: { description: 'An editor linked them with RELATES_TO.' },
    DIRECT_EDGE: { description: 'Another edge joins them directly.' },
    TEXT_SIMILARITY: { description: 'Their summaries, statements, descriptions or bodies share words.' },
    SIMILAR_MEANING: { description: 'Their texts say similar things, by the sentence model, whatever words they use.' },
    SIMILAR_TO_PRINCIPLE: { description: 'One links a principle (the reason’s via), and the other’s text says much what it says, by the sentence model.' },
    SIMILAR_TO_CONCEPT: { description: 'One links a concept (the reason’s via), and the other’s text says much what it says, by the sentence model.' },
  },
});

registerEnumType(SimilaritySignal, {
  name: 'SimilaritySignal',
  description: 'What found a node similar to a text.',
  valuesConfig: {
    MEANING: { description: 'The sentence model: the two texts’ vectors are close.' },
    WORDS: { description: 'The full-text index (the service runs without the sentence model).' },
  },
});

registerEnumType(CentralityMetric, {
  name: 'CentralityMetric',
  description: 'How to measure how central a node is.',
  valuesConfig: {
    PAGERANK: { description: 'PageRank over the directed graph, edge weights counted.' },
    BETWEENNESS: {
      description:
        'Normalized betweenness over the undirected graph (graphs up to 5,000 nodes): shortest paths by hop count, or by 1 / weight with `weighted: true`.',
    },
    DEGREE: { description: 'Number of edges at the node.' },
  },
});

export { CentralityMetric, Direction, EdgeOrigin, EdgeType, NodeKind, ReasonKind, SimilaritySignal };
