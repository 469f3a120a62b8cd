/**
 * Swipe between story screens with pointer events (touch, pen or mouse): a mostly horizontal stroke of at
 * least 60 px within a second; left = next screen, right = previous. Vertical strokes stay page scrolling
 * (the deck sets `touch-action: pan-y`).
 */
export type SwipeDir = 'next' | 'prev' | null;

export const MIN_DISTANCE = 60;
export const MAX_MS = 1000;

/** The screen change a stroke asks for, if any. */
export function swipeDirection(dx: number, dy: number, ms: number): SwipeDir {
  if (ms > MAX_MS || Math.abs(dx) < MIN_DISTANCE || Math.abs(dx) < 2 * Math.abs(dy)) return null;
  return dx < 0 ? 'next' : 'prev';
}

/** Svelte action: calls `onswipe` on a swipe over the node (not from inside form fields). */
export function swipe(node: HTMLElement, onswipe: (dir: 'next' | 'prev') => void) {
  let start: { x: number; y: number; t: number; id: number } | null = null;
  let handler = onswipe;
  const down = (e: PointerEvent) => {
    const el = e.target as HTMLElement | null;
    if (!e.isPrimary || (e.pointerType === 'mouse' && e.button !== 0) || el?.closest('input, textarea, select, button, a')) return;
    start = { x: e.clientX, y: e.clientY, t: e.timeStamp, id: e.pointerId };
  };
  const up = (e: PointerEvent) => {
    if (!start || e.pointerId !== start.id) return;
    const dir = swipeDirection(e.clientX - start.x, e.clientY - start.y, e.timeStamp - start.t);
    start = null;
    if (dir) handler(dir);
  };
  const cancel = () => (start = null);
  node.addEventListener('pointerdown', down);
  node.addEventListener('pointerup', up);
  node.addEventListener('pointercancel', cancel);
  return {
    update(next: (dir: 'next' | 'prev') => void) {
      handler = next;
    },
    destroy() {
      node.removeEventListener('pointerdown', down);
      node.removeEventListener('pointerup', up);
      node.removeEventListener('pointercancel', cancel);
    }
  };
}
