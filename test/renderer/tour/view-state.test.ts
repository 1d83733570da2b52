import { describe, expect, it } from 'vitest';
import { sanitizeViewState, toViewState } from '../../../renderer/src/features/tour/engine/view-state';

describe('tour view state', () => {
  it('turns Five state into plain JSON, the camera offset as {x, y, z}', () => {
    class Vector3 {
      constructor(
        public x: number,
        public y: number,
        public z: number,
      ) {}
      clone() {
        return this;
      }
    }
    const state = toViewState({
      mode: 'Panorama',
      panoIndex: 2,
      longitude: 1,
      latitude: -0.2,
      fov: 80,
      workCode: '800000000000000001',
      offset: new Vector3(1, 1.5, 2),
      distance: 0,
    });
    expect(JSON.parse(JSON.stringify(state))).toEqual({
      mode: 'Panorama',
      panoIndex: 2,
      longitude: 1,
      latitude: -0.2,
      fov: 80,
      workCode: '800000000000000001',
      offset: { x: 1, y: 1.5, z: 2 },
      distance: 0,
    });
  });

  it('keeps what Five can apply and drops the rest', () => {
    expect(
      sanitizeViewState({
        mode: 'Panorama',
        panoIndex: 1,
        longitude: 3,
        latitude: 0.1,
        fov: 90,
        workCode: 'W',
        distance: 2,
        offset: { x: 0, y: 1, z: 0 },
      }),
    ).toEqual({
      mode: 'Panorama',
      panoIndex: 1,
      longitude: 3,
      latitude: 0.1,
      fov: 90,
      workCode: 'W',
      distance: 2,
      offset: { x: 0, y: 1, z: 0 },
    });
    expect(
      sanitizeViewState({
        mode: 'VRPanorama',
        panoIndex: 1.5,
        longitude: Number.NaN,
        latitude: '0',
        fov: 500,
        workCode: '',
        distance: -1,
        offset: { x: 0, y: Number.POSITIVE_INFINITY, z: 0 },
      }),
    ).toEqual({});
    expect(sanitizeViewState({ panoIndex: -1, latitude: 9 })).toEqual({ latitude: Math.PI / 2 });
  });
});
