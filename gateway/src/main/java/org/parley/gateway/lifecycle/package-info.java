/**
 * Starting and stopping the gateway's parts in order.
 *
 * <p>A {@link org.parley.gateway.lifecycle.Service} is anything with a start and a stop (listeners, the store,
 * the admin endpoint). {@link org.parley.gateway.lifecycle.Lifecycle} starts services in the order given, rolls
 * back in reverse order when one fails, and stops them in reverse order within a total deadline.
 * {@link org.parley.gateway.lifecycle.ShutdownHook} turns SIGTERM/SIGINT into an orderly stop.
 * {@link org.parley.gateway.lifecycle.BindFailure} is the one way every listener reports that it could not bind
 * its address, naming the address, the port and the configuration element to change.
 */
package org.parley.gateway.lifecycle;
