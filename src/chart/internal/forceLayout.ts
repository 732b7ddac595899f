/**
 * A deterministic force-directed layout (Fruchterman & Reingold 1991) for small graphs: nodes start on a
 * circle in input order, so the same graph always gets the same picture; no randomness is involved.
 */

/**
 * Node positions in [0, 1] x [0, 1], flat: x of node i at 2i, y at 2i + 1. `charge` scales each node's
 * repulsion (default 1), e.g. to keep labelled nodes further apart.
 */
export function forceLayout(
  nodeCount: number,
  edges: readonly (readonly [number, number])[],
  charge?: ArrayLike<number>,
  iterations = 500,
): Float64Array {
  const position = new Float64Array(2 * nodeCount);
  for (let i = 0; i < nodeCount; i++) {
    const angle = (2 * Math.PI * i) / Math.max(1, nodeCount);
    position[2 * i] = Math.cos(angle);
    position[2 * i + 1] = Math.sin(angle);
  }
  if (nodeCount <= 1) return normalise(position, nodeCount);
  const k = Math.sqrt(4 / nodeCount);
  // Gravity towards the centre, strong enough to keep disconnected parts close to the rest.
  const gravity = 4 * k;
  const shift = new Float64Array(2 * nodeCount);
  for (let step = 0; step < iterations; step++) {
    const temperature = 0.1 * (1 - step / iterations) + 0.001;
    shift.fill(0);
    for (let i = 0; i < nodeCount; i++) {
      for (let j = i + 1; j < nodeCount; j++) {
        let dx = (position[2 * i] as number) - (position[2 * j] as number);
        let dy = (position[2 * i + 1] as number) - (position[2 * j + 1] as number);
        let distance = Math.hypot(dx, dy);
        if (distance < 1e-6) {
          // Coincident nodes: push apart along a fixed direction that depends on the pair only.
          dx = Math.cos(i + j);
          dy = Math.sin(i + j);
          distance = 1e-3;
        }
        const force =
          ((k * k) / distance) * (charge === undefined ? 1 : (charge[i] as number) * (charge[j] as number));
        shift[2 * i] = (shift[2 * i] as number) + (dx / distance) * force;
        shift[2 * i + 1] = (shift[2 * i + 1] as number) + (dy / distance) * force;
        shift[2 * j] = (shift[2 * j] as number) - (dx / distance) * force;
        shift[2 * j + 1] = (shift[2 * j + 1] as number) - (dy / distance) * force;
      }
    }
    for (const [a, b] of edges) {
      const dx = (position[2 * a] as number) - (position[2 * b] as number);
      const dy = (position[2 * a + 1] as number) - (position[2 * b + 1] as number);
      const distance = Math.max(1e-6, Math.hypot(dx, dy));
      const force = (distance * distance) / k;
      shift[2 * a] = (shift[2 * a] as number) - (dx / distance) * force;
      shift[2 * a + 1] = (shift[2 * a + 1] as number) - (dy / distance) * force;
      shift[2 * b] = (shift[2 * b] as number) + (dx / distance) * force;
      shift[2 * b + 1] = (shift[2 * b + 1] as number) + (dy / distance) * force;
    }
    for (let i = 0; i < nodeCount; i++) {
      // Gravity towards the centre keeps disconnected parts on screen.
      shift[2 * i] = (shift[2 * i] as number) - gravity * (position[2 * i] as number);
      shift[2 * i + 1] = (shift[2 * i + 1] as number) - gravity * (position[2 * i + 1] as number);
      const length = Math.hypot(shift[2 * i] as number, shift[2 * i + 1] as number);
      if (length > 0) {
        const move = Math.min(length, temperature);
        position[2 * i] = (position[2 * i] as number) + ((shift[2 * i] as number) / length) * move;
        position[2 * i + 1] =
          (position[2 * i + 1] as number) + ((shift[2 * i + 1] as number) / length) * move;
      }
    }
  }
  return normalise(position, nodeCount);
}

function normalise(position: Float64Array, nodeCount: number): Float64Array {
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < nodeCount; i++) {
    minX = Math.min(minX, position[2 * i] as number);
    maxX = Math.max(maxX, position[2 * i] as number);
    minY = Math.min(minY, position[2 * i + 1] as number);
    maxY = Math.max(maxY, position[2 * i + 1] as number);
  }
  const spanX = maxX - minX || 1;
  const spanY = maxY - minY || 1;
  for (let i = 0; i < nodeCount; i++) {
    position[2 * i] = Number((((position[2 * i] as number) - minX) / spanX).toFixed(6));
    position[2 * i + 1] = Number((((position[2 * i + 1] as number) - minY) / spanY).toFixed(6));
  }
  return position;
}
