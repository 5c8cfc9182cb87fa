/**
 * The props a box is drawn from: its data and whether it is selected. React Flow also passes
 * the box's position, which changes on every move of a drag, but a box is placed by its
 * wrapper, not by its view — so a moved box is not drawn again.
 */
export const sameLook = (a: { data: unknown; selected?: boolean }, b: { data: unknown; selected?: boolean }): boolean =>
  a.data === b.data && a.selected === b.selected;
