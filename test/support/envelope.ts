/** Asserts the error envelope: no data, a message, the app notifies. */
export function expectError(body: unknown): void {
  expect(body).toEqual({
    data: null,
    message: expect.any(String),
    shouldNotify: true,
    success: false,
  });
}
