package io.expanse.ui.packs;

import io.expanse.work.nas.ResourcePack;

/**
 * One row of the packs table.
 *
 * @param pack        the pack
 * @param region      its region
 * @param lastUpgrade the state of its latest upgrade ("Succeeded", "Awaiting payment" …), or empty
 */
public record PackRow(ResourcePack pack, String region, String lastUpgrade) {
}
