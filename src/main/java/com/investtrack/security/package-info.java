/**
 * Users, roles, login, the access rules every write passes through, and the identity the
 * engine sees.
 */
package com.investtrack.security;
