#ifndef ARTEL_CSODIUM_SHIM_H
#define ARTEL_CSODIUM_SHIM_H

#include <sodium.h>

#endif
