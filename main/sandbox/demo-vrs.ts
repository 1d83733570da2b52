/** Published demo VR works listed by the sandbox (18-character codes starting with 80). */
export const DEMO_VRS: ReadonlyArray<{ vr_code: string; name: string; create_time: string }> = [
  { vr_code: '800000000000000001', name: 'Riverside two-bedroom apartment', create_time: '2025-09-12 10:15:00' },
  { vr_code: '800000000000000002', name: 'Garden townhouse, three floors', create_time: '2025-10-03 14:40:00' },
  { vr_code: '800000000000000003', name: 'City loft with terrace', create_time: '2025-11-20 09:05:00' },
  { vr_code: '800000000000000004', name: 'Family house near the park', create_time: '2026-01-08 16:30:00' },
];
