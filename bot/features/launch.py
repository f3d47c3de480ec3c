"""Launching a program (a welcome to every member), pausing, resuming and ending it."""

from bot.domain.kinds import DeliveryKind
from bot.domain.lifecycle import FROM_LAUNCH
from bot.features.spec import DeliverySpec, Feature
from handlers.listeners import launch

FEATURE = Feature(
    name="launch",
    deliveries=(DeliverySpec(DeliveryKind.WELCOME, "welcome", FROM_LAUNCH),),
    listeners=(launch.register,),
)
