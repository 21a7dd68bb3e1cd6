import Hummingbird
import NIOCore

/// The context of every request: Hummingbird's basic one, and the address the request came from,
/// which the site's sign-in throttle counts attempts by (``SignInLimiter``).
struct APIRequestContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    /// The peer of the connection: the visitor, or the proxy in front of the node.
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
