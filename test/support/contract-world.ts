import { EdgeOrigin, EdgeType } from '../../src/domain/edge-type';
import type { GraphWorld } from './graph-world';

/*
 * The small named world the reader contract (reader-contract.ts) asks about, and unit tests
 * reuse. Three essays, three principles, two roles, three concepts, an author and her two
 * employers; drawn so that each promise of the readers has a case that tells it apart:
 *
 *   Culture by Design ──ARTICULATES──▶ Structure Shapes Culture, Systems Scale (weight 0.5)
 *                     ──DISCUSSES──▶ Culture; ──ADDRESSES──▶ Lead; ──AUTHORED_BY──▶ Ada
 *                     ──RELATES_TO (0.8, "a sequel")──▶ Systems over Effort
 *   Systems over Effort ──ARTICULATES──▶ Systems Scale, Depth First; ──DISCUSSES──▶ Growth;
 *                       ──ADDRESSES──▶ Lead
 *   Hiring Notes ──ADDRESSES──▶ Engineer, Lead (it articulates nothing)
 *   Structure Shapes Culture ──ABOUT──▶ Culture, Structure; ──LEADS_TO (0.5, inferred)──▶ Culture
 *                            ──SUPPORTS (0.9)──▶ and ──LEADS_TO (0.4)──▶ Systems Scale
 *   Systems Scale ──ABOUT──▶ Culture; ──APPLIES_TO (0.7)──▶ Lead
 *   Depth First ──APPLIES_TO──▶ Engineer
 *   Structure ──LEADS_TO──▶ Culture; Growth ──PART_OF──▶ Culture
 *   Engineer ──GROWS_INTO──▶ Lead; ──REQUIRES──▶ Growth
 *   Ada ──WORKED_AT (as Engineer, order 1)──▶ Initech; ──WORKED_AT (as Lead, order 2)──▶ Acme
 *
 * Degrees: 6 for Culture by Design, Structure Shapes Culture, Systems Scale and Culture; 5 for
 * Systems over Effort and Lead; 4 for Engineer; 3 for Growth and Ada; 2 for Hiring Notes,
 * Depth First and Structure; 1 for Acme and Initech.
 */
export const CONTRACT_WORLD: GraphWorld = {
  nodes: [
    {
      id: 'essay:culture-by-design',
      properties: { title: 'Culture by Design', summary: 'How the structure of a team shapes its culture.', date: '2024-03-01' },
    },
    { id: 'essay:systems-over-effort', properties: { title: 'Systems over Effort', summary: 'Teams grow through systems, not heroics.' } },
    { id: 'essay:hiring-notes', properties: { title: 'Hiring Notes', summary: 'What to look for when hiring engineers.' } },
    { id: 'principle:structure-shapes-culture', properties: { name: 'Structure Shapes Culture', statement: 'Culture follows from the structure of a team.' } },
    { id: 'principle:systems-scale', properties: { name: 'Systems Scale', statement: 'Only systems scale; effort does not.' } },
    { id: 'principle:depth-first', properties: { name: 'Depth First', statement: 'Technical depth comes before breadth.' } },
    { id: 'role:engineer', properties: { name: 'Engineer', description: 'Builds and runs the software.' } },
    { id: 'role:lead', properties: { name: 'Lead', description: 'Leads a team of engineers.' } },
    { id: 'concept:culture', properties: { name: 'Culture', category: 'organization' } },
    { id: 'concept:structure', properties: { name: 'Structure', category: 'organization' } },
    { id: 'concept:growth', properties: { name: 'Growth', category: 'career' } },
    { id: 'person:ada', properties: { name: 'Ada' } },
    { id: 'organization:acme', properties: { name: 'Acme' } },
    { id: 'organization:initech', properties: { name: 'Initech' } },
  ],
  edges: [
    { type: EdgeType.ARTICULATES, from: 'essay:culture-by-design', to: 'principle:structure-shapes-culture' },
    { type: EdgeType.ARTICULATES, from: 'essay:culture-by-design', to: 'principle:systems-scale', weight: 0.5 },
    { type: EdgeType.DISCUSSES, from: 'essay:culture-by-design', to: 'concept:culture' },
    { type: EdgeType.ADDRESSES, from: 'essay:culture-by-design', to: 'role:lead' },
    { type: EdgeType.RELATES_TO, from: 'essay:culture-by-design', to: 'essay:systems-over-effort', weight: 0.8, note: 'a sequel' },
    { type: EdgeType.AUTHORED_BY, from: 'essay:culture-by-design', to: 'person:ada' },
    { type: EdgeType.ARTICULATES, from: 'essay:systems-over-effort', to: 'principle:systems-scale' },
    { type: EdgeType.ARTICULATES, from: 'essay:systems-over-effort', to: 'principle:depth-first' },
    { type: EdgeType.DISCUSSES, from: 'essay:systems-over-effort', to: 'concept:growth' },
    { type: EdgeType.ADDRESSES, from: 'essay:systems-over-effort', to: 'role:lead' },
    { type: EdgeType.ADDRESSES, from: 'essay:hiring-notes', to: 'role:engineer' },
    { type: EdgeType.ADDRESSES, from: 'essay:hiring-notes', to: 'role:lead' },
    { type: EdgeType.ABOUT, from: 'principle:structure-shapes-culture', to: 'concept:culture' },
    { type: EdgeType.ABOUT, from: 'principle:structure-shapes-culture', to: 'concept:structure' },
    { type: EdgeType.LEADS_TO, from: 'principle:structure-shapes-culture', to: 'concept:culture', weight: 0.5, origin: EdgeOrigin.INFERRED },
    { type: EdgeType.SUPPORTS, from: 'principle:structure-shapes-culture', to: 'principle:systems-scale', weight: 0.9 },
    { type: EdgeType.LEADS_TO, from: 'principle:structure-shapes-culture', to: 'principle:systems-scale', weight: 0.4 },
    { type: EdgeType.ABOUT, from: 'principle:systems-scale', to: 'concept:culture' },
    { type: EdgeType.APPLIES_TO, from: 'principle:systems-scale', to: 'role:lead', weight: 0.7 },
    { type: EdgeType.APPLIES_TO, from: 'principle:depth-first', to: 'role:engineer' },
    { type: EdgeType.LEADS_TO, from: 'concept:structure', to: 'concept:culture' },
    { type: EdgeType.PART_OF, from: 'concept:growth', to: 'concept:culture' },
    { type: EdgeType.GROWS_INTO, from: 'role:engineer', to: 'role:lead' },
    { type: EdgeType.REQUIRES, from: 'role:engineer', to: 'concept:growth' },
    { type: EdgeType.WORKED_AT, from: 'person:ada', to: 'organization:initech', properties: { as: 'Engineer', order: 1 } },
    { type: EdgeType.WORKED_AT, from: 'person:ada', to: 'organization:acme', properties: { as: 'Lead', order: 2 } },
  ],
};
