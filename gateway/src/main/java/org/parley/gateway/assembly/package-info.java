/**
 * Assembly of the running gateway: builds each service from the configuration records, passes collaborators by
 * constructor, and orders start and stop. The only package that knows every module.
 */
package org.parley.gateway.assembly;
