import { Field, Int, ObjectType } from 'type-graphql';
import type { OrganizationProperties, PersonProperties } from '../domain/node-properties';
import { GraphNode } from './graph-node.type';

@ObjectType({ simpleResolvers: true, implements: GraphNode, description: 'A person, such as an essay’s author.' })
export class Person extends GraphNode implements PersonProperties {
  @Field({ description: 'The person’s name.' })
  name!: string;
}

@ObjectType({ simpleResolvers: true, implements: GraphNode, description: 'An organization a person worked at.' })
export class Organization extends GraphNode implements OrganizationProperties {
  @Field({ description: 'The organization’s name.' })
  name!: string;
}

@ObjectType({ simpleResolvers: true, description: 'One step of a person’s path: where, as what, in which order.' })
export class CareerStep {
  @Field(() => Organization, { description: 'Where the person worked.' })
  organization!: Organization;

  @Field(() => String, { nullable: true, description: 'The role held there.' })
  as!: string | null;

  @Field(() => Int, { nullable: true, description: 'Position on the path, 1 first.' })
  order!: number | null;
}
