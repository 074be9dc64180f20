/*
 * The same graph described for `@neo4j/graphql`, the peer the read benchmark compares against:
 * the four kinds the benchmark reads, their properties, and the edges between them in both
 * directions, named as in Thoughtgraph's schema so the two answers can be compared as they are.
 */
export const PEER_TYPE_DEFS = /* GraphQL */ `
  type Essay @node {
    id: ID!
    slug: String!
    title: String!
    summary: String
    publishedAt: String
    url: String
    principles: [Principle!]! @relationship(type: "ARTICULATES", direction: OUT)
    concepts: [Concept!]! @relationship(type: "DISCUSSES", direction: OUT)
    roles: [Role!]! @relationship(type: "ADDRESSES", direction: OUT)
  }

  type Principle @node {
    id: ID!
    slug: String!
    name: String!
    statement: String
    description: String
    essays: [Essay!]! @relationship(type: "ARTICULATES", direction: IN)
    concepts: [Concept!]! @relationship(type: "ABOUT", direction: OUT)
    roles: [Role!]! @relationship(type: "APPLIES_TO", direction: OUT)
  }

  type Role @node {
    id: ID!
    slug: String!
    name: String!
    description: String
    essays: [Essay!]! @relationship(type: "ADDRESSES", direction: IN)
    principles: [Principle!]! @relationship(type: "APPLIES_TO", direction: IN)
  }

  type Concept @node {
    id: ID!
    slug: String!
    name: String!
    description: String
    category: String
    essays: [Essay!]! @relationship(type: "DISCUSSES", direction: IN)
    principles: [Principle!]! @relationship(type: "ABOUT", direction: IN)
  }
`;
