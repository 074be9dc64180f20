import { element, formatNumber } from './dom';
import type { NodeDetails, NodeRef, RelatedThought } from './queries';

/*
 * The side panel of one node: its kind, label and own words, then its related thoughts, each
 * with its score and the reasons behind it, as the service words them, each with its share of the score.
 */

export interface NodePanelActions {
  onOpen(node: NodeRef): void;
  onPathEnd(end: 'from' | 'to', node: NodeRef): void;
}

export function renderNodePanel(container: HTMLElement, node: NodeDetails, related: readonly RelatedThought[], actions: NodePanelActions): void {
  const pathButton = (end: 'from' | 'to', text: string) => {
    const button = element('button', { text, attributes: { type: 'button' } });
    button.addEventListener('click', () => actions.onPathEnd(end, node));
    return button;
  };
  container.replaceChildren(
    element('p', { className: `kind kind-${node.kind.toLowerCase()}`, text: `${node.kind.toLowerCase()} · ${node.degree} edges` }),
    element('h2', { text: node.label, attributes: { id: 'node-title', tabindex: '-1' } }),
    ...node.text.map((line) => element('p', { className: 'node-text', text: line })),
    ...(node.url ? [element('p', {}, [element('a', { text: 'Read the essay', attributes: { href: node.url, rel: 'noopener', target: '_blank' } })])] : []),
    element('div', { className: 'button-row' }, [pathButton('from', 'Path from here'), pathButton('to', 'Path to here')]),
    element('h3', { text: 'Related thoughts' }),
    related.length === 0
      ? element('p', { className: 'muted', text: 'Nothing of the same kind is related to it yet.' })
      : element(
          'ol',
          { className: 'related', attributes: { id: 'related-thoughts' } },
          related.map((thought) => relatedItem(thought, actions)),
        ),
  );
}

function relatedItem(thought: RelatedThought, actions: NodePanelActions): HTMLLIElement {
  const open = element('button', { className: 'link-button', text: thought.node.label, attributes: { type: 'button' } });
  open.addEventListener('click', () => actions.onOpen(thought.node));
  return element('li', {}, [
    element('div', { className: 'related-head' }, [open, element('span', { className: 'score', text: `score ${formatNumber(thought.score)}` })]),
    element(
      'ul',
      { className: 'reasons' },
      thought.reasons.map((reason) => reasonItem(reason, thought.score)),
    ),
  ]);
}

/** A reason in the service's words, with its share of the score as a number and as a bar that long a part of the line. */
function reasonItem(reason: RelatedThought['reasons'][number], score: number): HTMLLIElement {
  const item = element('li', {}, [
    element('span', { className: 'share', text: `+${formatNumber(reason.share)}`, attributes: { title: 'This reason’s part of the score' } }),
    element('span', { className: 'reason-text', text: reason.description }),
  ]);
  // Through the CSSOM, which a style-src policy does not govern as it does style attributes.
  item.style.setProperty('--share', `${score > 0 ? Math.round((reason.share / score) * 100) : 0}%`);
  return item;
}

export function renderPanelMessage(container: HTMLElement, message: string): void {
  container.replaceChildren(element('p', { className: 'muted', text: message }));
}
