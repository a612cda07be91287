// libp2p 3.x calls Promise.withResolvers, which Node ships from v22 on. This module must be
// evaluated before anything from libp2p is imported (peer.mjs imports it first).
if (typeof Promise.withResolvers !== 'function') {
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value: function withResolvers () {
      let resolve
      let reject
      const promise = new this((res, rej) => {
        resolve = res
        reject = rej
      })
      return { promise, resolve, reject }
    }
  })
}
