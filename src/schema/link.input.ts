import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { EdgeType } from './enums';

@InputType({ description: 'An edge to create, or to update when it exists (the same link twice is one edge).' })
export class LinkInput {
  @Field(() => ID, { description: 'Id of the node the edge starts at.' })
  from!: string;

  @Field(() => EdgeType, { description: 'The relationship type; it must join the two nodes’ kinds (see EdgeType).' })
  type!: EdgeType;

  @Field(() => ID, { description: 'Id of the node the edge points to.' })
  to!: string;

  @Field(() => Float, { description: 'Strength of the link, 0..1.' })
  @Min(0)
  @Max(1)
  weight: number = 1;

  @Field(() => String, { nullable: true, description: 'A short reason, at most 280 characters.' })
  @IsOptional()
  @MaxLength(280)
  note?: string | null;
}

@InputType({ description: 'An edge to remove.' })
export class UnlinkInput {
  @Field(() => ID, { description: 'Id of the node the edge starts at.' })
  from!: string;

  @Field(() => EdgeType, { description: 'The relationship type.' })
  type!: EdgeType;

  @Field(() => ID, { description: 'Id of the node the edge points to.' })
  to!: string;
}
